// Lexer for device-tree source. dtc's lexer is stateful and so is this one: after '{', ';' and the
// delete-property, delete-node and omit-if-no-ref keywords it expects a property or node name (mode NAME), where
// "1", "cpu@0" and "#address-cells" are names; elsewhere numbers are literals (default mode). '[' enters byte-string
// mode. Rules shared by every state are repeated in each mode, since ANTLR modes are exclusive. Nothing here fails:
// an unexpected character becomes an ANY token, which the parser reports. The line-start test of cpp line markers
// sits at the end of their rules so that it does not keep ANTLR from caching the lexer DFA for other tokens.
// This grammar is the specification of the tokens; dts/DtsScanner finds the same ones by hand, faster, and
// DtsScannerTest holds the two equal (the parser still takes its token types from here).
lexer grammar DtsLexer;

// ---- default mode (dtc's V1 state) ----

INCLUDE       : '/include/' WS_F* STRING_F ;
LINE_MARKER   : '#' 'line'? [ \t]+ [0-9]+ [ \t]+ STRING_F ([ \t]+ [0-9]+)* {_tokenStartCharPositionInLine == 0}? ;
STRING        : STRING_F ;
V1            : '/dts-v1/' ;
PLUGIN        : '/plugin/' ;
MEMRESERVE    : '/memreserve/' ;
BITS          : '/bits/' ;
DEL_PROP      : '/delete-property/' -> mode(NAME) ;
DEL_NODE      : '/delete-node/' -> mode(NAME) ;
OMIT_NO_REF   : '/omit-if-no-ref/' -> mode(NAME) ;
LABEL         : LABEL_F ':' ;
LITERAL       : ([0-9]+ | '0' [xX] [0-9a-fA-F]+) ('U' | 'L' | 'UL' | 'LL' | 'ULL')? ;
CHAR_LITERAL  : CHAR_F ;
LABEL_REF     : '&' LABEL_F ;
PATH_REF      : '&{' PATHCHAR_F* '}' ;
INCBIN        : '/incbin/' ;
WS            : WS_F+ -> skip ;
COMMENT       : COMMENT_F -> skip ;
LINE_COMMENT  : LINE_COMMENT_F -> skip ;
LSHIFT        : '<<' ;
RSHIFT        : '>>' ;
LE            : '<=' ;
GE            : '>=' ;
EQ            : '==' ;
NE            : '!=' ;
AND           : '&&' ;
OR            : '||' ;
LBRACK        : '[' -> mode(BYTES) ;
LBRACE        : '{' -> mode(NAME) ;
SEMI          : ';' -> mode(NAME) ;
RBRACE        : '}' ;
RBRACK        : ']' ;
SLASH         : '/' ;
ASSIGN        : '=' ;
COMMA         : ',' ;
LT            : '<' ;
GT            : '>' ;
LPAREN        : '(' ;
RPAREN        : ')' ;
PLUS          : '+' ;
MINUS         : '-' ;
STAR          : '*' ;
PERCENT       : '%' ;
AMP           : '&' ;
PIPE          : '|' ;
CARET         : '^' ;
TILDE         : '~' ;
BANG          : '!' ;
QUESTION      : '?' ;
COLON         : ':' ;
ANY           : . ;

fragment WS_F           : [ \t\n\r\f\u000B] ;
fragment STRING_F       : '"' (~[\\"] | '\\' ~[\n])* '"' ;
fragment CHAR_F         : '\'' (~['] | '\\\'')* '\'' ;
fragment LABEL_F        : [a-zA-Z_] [a-zA-Z0-9_]* ;
fragment PROPNODECHAR_F : [a-zA-Z0-9,._+*#?@\-] ;
fragment PATHCHAR_F     : PROPNODECHAR_F | '/' ;
fragment COMMENT_F      : '/*' .*? '*/' ;
fragment LINE_COMMENT_F : '//' ~[\n]* ('\n' | EOF) ;

// ---- dtc's PROPNODENAME state: the next word is a property or node name ----
mode NAME;

N_INCLUDE       : '/include/' WS_F* STRING_F -> type(INCLUDE) ;
N_LINE_MARKER   : '#' 'line'? [ \t]+ [0-9]+ [ \t]+ STRING_F ([ \t]+ [0-9]+)* {_tokenStartCharPositionInLine == 0}? -> type(LINE_MARKER) ;
N_STRING        : STRING_F -> type(STRING) ;
N_V1            : '/dts-v1/' -> type(V1), mode(DEFAULT_MODE) ;
N_PLUGIN        : '/plugin/' -> type(PLUGIN) ;
N_MEMRESERVE    : '/memreserve/' -> type(MEMRESERVE), mode(DEFAULT_MODE) ;
N_BITS          : '/bits/' -> type(BITS), mode(DEFAULT_MODE) ;
N_DEL_PROP      : '/delete-property/' -> type(DEL_PROP) ;
N_DEL_NODE      : '/delete-node/' -> type(DEL_NODE) ;
N_OMIT_NO_REF   : '/omit-if-no-ref/' -> type(OMIT_NO_REF) ;
N_LABEL         : LABEL_F ':' -> type(LABEL) ;
N_CHAR_LITERAL  : CHAR_F -> type(CHAR_LITERAL) ;
N_LABEL_REF     : '&' LABEL_F -> type(LABEL_REF) ;
N_PATH_REF      : '&{' PATHCHAR_F* '}' -> type(PATH_REF) ;
PROPNODENAME    : '\\'? PROPNODECHAR_F+ -> mode(DEFAULT_MODE) ;
N_WS            : WS_F+ -> type(WS), skip ;
N_COMMENT       : COMMENT_F -> type(COMMENT), skip ;
N_LINE_COMMENT  : LINE_COMMENT_F -> type(LINE_COMMENT), skip ;
N_LSHIFT        : '<<' -> type(LSHIFT) ;
N_RSHIFT        : '>>' -> type(RSHIFT) ;
N_LE            : '<=' -> type(LE) ;
N_GE            : '>=' -> type(GE) ;
N_EQ            : '==' -> type(EQ) ;
N_NE            : '!=' -> type(NE) ;
N_AND           : '&&' -> type(AND) ;
N_OR            : '||' -> type(OR) ;
N_LBRACK        : '[' -> type(LBRACK), mode(BYTES) ;
N_LBRACE        : '{' -> type(LBRACE) ;
N_SEMI          : ';' -> type(SEMI) ;
N_RBRACE        : '}' -> type(RBRACE) ;
N_RBRACK        : ']' -> type(RBRACK) ;
N_SLASH         : '/' -> type(SLASH) ;
N_ASSIGN        : '=' -> type(ASSIGN) ;
N_COMMA         : ',' -> type(COMMA) ;
N_LT            : '<' -> type(LT) ;
N_GT            : '>' -> type(GT) ;
N_LPAREN        : '(' -> type(LPAREN) ;
N_RPAREN        : ')' -> type(RPAREN) ;
N_PLUS          : '+' -> type(PLUS) ;
N_MINUS         : '-' -> type(MINUS) ;
N_STAR          : '*' -> type(STAR) ;
N_PERCENT       : '%' -> type(PERCENT) ;
N_AMP           : '&' -> type(AMP) ;
N_PIPE          : '|' -> type(PIPE) ;
N_CARET         : '^' -> type(CARET) ;
N_TILDE         : '~' -> type(TILDE) ;
N_BANG          : '!' -> type(BANG) ;
N_QUESTION      : '?' -> type(QUESTION) ;
N_COLON         : ':' -> type(COLON) ;
N_ANY           : . -> type(ANY) ;

// ---- dtc's BYTESTRING state: pairs of hex digits up to ']' ----
mode BYTES;

B_INCLUDE       : '/include/' WS_F* STRING_F -> type(INCLUDE) ;
B_LINE_MARKER   : '#' 'line'? [ \t]+ [0-9]+ [ \t]+ STRING_F ([ \t]+ [0-9]+)* {_tokenStartCharPositionInLine == 0}? -> type(LINE_MARKER) ;
B_STRING        : STRING_F -> type(STRING) ;
B_V1            : '/dts-v1/' -> type(V1), mode(DEFAULT_MODE) ;
B_PLUGIN        : '/plugin/' -> type(PLUGIN) ;
B_MEMRESERVE    : '/memreserve/' -> type(MEMRESERVE), mode(DEFAULT_MODE) ;
B_BITS          : '/bits/' -> type(BITS), mode(DEFAULT_MODE) ;
B_DEL_PROP      : '/delete-property/' -> type(DEL_PROP), mode(NAME) ;
B_DEL_NODE      : '/delete-node/' -> type(DEL_NODE), mode(NAME) ;
B_OMIT_NO_REF   : '/omit-if-no-ref/' -> type(OMIT_NO_REF), mode(NAME) ;
B_LABEL         : LABEL_F ':' -> type(LABEL) ;
B_CHAR_LITERAL  : CHAR_F -> type(CHAR_LITERAL) ;
B_LABEL_REF     : '&' LABEL_F -> type(LABEL_REF) ;
B_PATH_REF      : '&{' PATHCHAR_F* '}' -> type(PATH_REF) ;
BYTE            : [0-9a-fA-F] [0-9a-fA-F] ;
B_RBRACK        : ']' -> type(RBRACK), mode(DEFAULT_MODE) ;
B_WS            : WS_F+ -> type(WS), skip ;
B_COMMENT       : COMMENT_F -> type(COMMENT), skip ;
B_LINE_COMMENT  : LINE_COMMENT_F -> type(LINE_COMMENT), skip ;
B_LSHIFT        : '<<' -> type(LSHIFT) ;
B_RSHIFT        : '>>' -> type(RSHIFT) ;
B_LE            : '<=' -> type(LE) ;
B_GE            : '>=' -> type(GE) ;
B_EQ            : '==' -> type(EQ) ;
B_NE            : '!=' -> type(NE) ;
B_AND           : '&&' -> type(AND) ;
B_OR            : '||' -> type(OR) ;
B_LBRACK        : '[' -> type(LBRACK) ;
B_LBRACE        : '{' -> type(LBRACE), mode(NAME) ;
B_SEMI          : ';' -> type(SEMI), mode(NAME) ;
B_RBRACE        : '}' -> type(RBRACE) ;
B_SLASH         : '/' -> type(SLASH) ;
B_ASSIGN        : '=' -> type(ASSIGN) ;
B_COMMA         : ',' -> type(COMMA) ;
B_LT            : '<' -> type(LT) ;
B_GT            : '>' -> type(GT) ;
B_LPAREN        : '(' -> type(LPAREN) ;
B_RPAREN        : ')' -> type(RPAREN) ;
B_PLUS          : '+' -> type(PLUS) ;
B_MINUS         : '-' -> type(MINUS) ;
B_STAR          : '*' -> type(STAR) ;
B_PERCENT       : '%' -> type(PERCENT) ;
B_AMP           : '&' -> type(AMP) ;
B_PIPE          : '|' -> type(PIPE) ;
B_CARET         : '^' -> type(CARET) ;
B_TILDE         : '~' -> type(TILDE) ;
B_BANG          : '!' -> type(BANG) ;
B_QUESTION      : '?' -> type(QUESTION) ;
B_COLON         : ':' -> type(COLON) ;
B_ANY           : . -> type(ANY) ;
