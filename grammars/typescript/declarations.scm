; Top-level statements that declare data or shape the module. Run with a maxStartDepth of 1 on
; the program (or on an ERROR node), so only its direct children are matched: each query run
; costs in proportion to the nodes it may start at, and declarations live at the top. The
; extractor looks inside `export` and `declare` wrappers and searches ERROR nodes again.

; interface Part {}   type Part = {}   enum Status {}   const PartSchema = z.object({})
[
  (interface_declaration)
  (type_alias_declaration)
  (enum_declaration)
  (lexical_declaration)
] @declaration

; export interface Part {}   export { Part }   export * from './types'
(export_statement) @export

; declare interface Window {}   declare enum Status {}
(ambient_declaration) @declare

; import { Part } from './types'
(import_statement) @import

; interface Part { id: number      (unfinished: the parser left the statement in an ERROR)
(ERROR) @error
