; Return statements of a route function that build a dict, for the keys the endpoint sends.
; The extractor drops the ones that belong to nested functions.

; return {"id": part.id}
(return_statement
  (dictionary) @return.dictionary)

; return {key: value for key, value in pairs}
(return_statement
  (dictionary_comprehension) @return.comprehension)

; return dict(id=part.id)
(return_statement
  (call
    function: (identifier) @return.function
    arguments: (argument_list) @return.arguments)
  (#eq? @return.function "dict"))
