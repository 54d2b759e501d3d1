; Python import statements, wherever they appear (module level, `if TYPE_CHECKING:`, try blocks,
; function bodies). The extractor reads the names and aliases from each statement.

; import a.b as c
(import_statement) @import

; from ..models import Part as PartModel
(import_from_statement) @import.from
