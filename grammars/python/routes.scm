; FastAPI routing: module-level string constants (for prefixes and paths), router and app
; creation, include_router calls, and route decorators on functions.

; API_PREFIX = "/api"
(module
  (expression_statement
    (assignment
      left: (identifier) @constant.name
      right: [
        (string)
        (concatenated_string)
        (binary_operator)
      ] @constant.value)))

; router = APIRouter(prefix="/parts"), also subclasses named like it: UserAPIRouter()
(assignment
  left: (identifier) @router.name
  right: (call
    function: [
      (identifier)
      (attribute)
    ] @router.class
    arguments: (argument_list) @router.arguments)
  (#match? @router.class "^([A-Za-z_][A-Za-z0-9_]*[.])*([A-Za-z0-9_]*APIRouter|FastAPI)$")) @router

; app.include_router(parts.router, prefix="/parts")
(call
  function: (attribute
    object: (_) @include.parent
    attribute: (identifier) @include.method)
  arguments: (argument_list) @include.arguments
  (#eq? @include.method "include_router")) @include

; @router.get("/parts")
; def list_parts(): ...
(decorated_definition
  (decorator
    (call
      function: (attribute
        object: (identifier) @route.router
        attribute: (identifier) @route.method)
      arguments: (argument_list) @route.arguments))
  definition: (function_definition) @route.function
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "head" "options" "api_route"))

; @router.get("/parts") above a function the parser could not finish (`def list_parts(`)
(ERROR
  (decorator
    (call
      function: (attribute
        object: (identifier) @broken.router
        attribute: (identifier) @broken.method)
      arguments: (argument_list) @broken.arguments)) @broken.decorator
  (#any-of? @broken.method "get" "post" "put" "patch" "delete" "head" "options" "api_route"))
