; Module-level classes and the module-level statements that declare ORM bases and indexes.
; Nested classes (a v1 `class Config:`) and classes inside functions are deliberately not matched.

; class Part(BaseModel): ...
(module
  [(class_definition) @class
   (decorated_definition
     definition: (class_definition) @class)])

; if TYPE_CHECKING:
;     class Part(BaseModel): ...
(module
  (if_statement
    (block
      [(class_definition) @class
       (decorated_definition
         definition: (class_definition) @class)])))

; if PYDANTIC_V2: ...
; else:
;     class Part(BaseModel): ...
(module
  (if_statement
    (_
      (block
        [(class_definition) @class
         (decorated_definition
           definition: (class_definition) @class)]))))

; try:
;     class Part(BaseModel): ...
(module
  (try_statement
    (block
      [(class_definition) @class
       (decorated_definition
         definition: (class_definition) @class)])))

; try: ...
; except ImportError:
;     class Part(BaseModel): ...
(module
  (try_statement
    (_
      (block
        [(class_definition) @class
         (decorated_definition
           definition: (class_definition) @class)]))))

; Base = declarative_base()
(module
  (expression_statement
    (assignment
      left: (identifier) @base.name
      right: (call
        function: (_) @base.function)) @base)
  (#match? @base.function "(^|[.])(declarative_base|generate_base)$"))

; Index("ix_part_name", Part.name)
(module
  (expression_statement
    (call
      function: (_) @index.function) @index)
  (#match? @index.function "(^|[.])Index$"))

; ix_part_name = Index("ix_part_name", Part.name)
(module
  (expression_statement
    (assignment
      right: (call
        function: (_) @index.function) @index))
  (#match? @index.function "(^|[.])Index$"))

; part_tags = Table("part_tags", Base.metadata, Column("part_id", ForeignKey("part.id")), ...)
(module
  (expression_statement
    (assignment
      left: (identifier) @table.name
      right: (call
        function: (_) @table.function) @table))
  (#match? @table.function "(^|[.])Table$"))
