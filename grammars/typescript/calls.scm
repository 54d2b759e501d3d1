; HTTP calls the parser could not finish, read inside their ERROR node while they are being typed.
; Complete calls are not matched with queries: calls-candidates.ts finds them by a text search
; and a few parent steps, because a query over the whole tree costs about a quarter of a parse.
; Run on one ERROR node at a time with maxStartDepth 0.

; api.get<Part[]>('/parts' with the closing parenthesis not typed yet
(ERROR
  (member_expression
    property: (property_identifier) @broken.method) @broken.callee
  .
  (type_arguments)? @broken.type_arguments
  .
  (string) @broken.url
  (#match? @broken.method "^(get|delete|head|options|post|put|patch)$")) @broken

; fetch('/parts' with the closing parenthesis not typed yet
(ERROR
  (identifier) @broken.callee
  .
  (string) @broken.url
  (#eq? @broken.callee "fetch")) @broken
