; Property names frontend code reads, by any route: member access, destructuring and string
; subscripts. Seam uses them to tell a field TS declares and reads from one it only declares.

; part.location
(member_expression
  property: (property_identifier) @read)

; const { location } = part
(object_pattern
  (shorthand_property_identifier_pattern) @read)

; const { location: where } = part
(object_pattern
  (pair_pattern
    key: (property_identifier) @read))

; part["location"]
(subscript_expression
  index: (string
    (string_fragment) @read))
