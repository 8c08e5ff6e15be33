/*
 * Parser for device-tree source, shaped after dtc's grammar. Node bodies hold properties and subnodes in one
 * list so that the builder can report "Properties must precede subnodes" at the offending property, as dtc does.
 * Top-level items are a flat list; which of them may come first is checked by the builder.
 */
parser grammar DtsParser;

options { tokenVocab = DtsLexer; }

sourceFile  : header+ memreserve* topItem+ EOF ;

header      : V1 SEMI (PLUGIN SEMI)? ;

memreserve  : LABEL* MEMRESERVE integerPrim integerPrim SEMI ;

topItem     : SLASH nodeBody                        # rootNode
            | LABEL? ref nodeBody                   # refNode
            | DEL_NODE ref SEMI                     # deleteRef
            | OMIT_NO_REF ref SEMI                  # omitRef
            ;

ref         : LABEL_REF | PATH_REF ;

nodeBody    : LBRACE item* RBRACE SEMI ;

item        : propdef
            | subnode
            ;

propdef     : LABEL* PROPNODENAME (ASSIGN propdata)? SEMI     # setProp
            | LABEL* DEL_PROP PROPNODENAME SEMI              # deleteProp
            ;

subnode     : (LABEL | OMIT_NO_REF)* PROPNODENAME nodeBody     # childNode
            | (LABEL | OMIT_NO_REF)* DEL_NODE PROPNODENAME SEMI # deleteChild
            ;

propdata    : LABEL* piece LABEL* (COMMA LABEL* piece LABEL*)* ;

piece       : STRING                                                          # stringPiece
            | (BITS LITERAL)? LT (LABEL | integerPrim | ref)* GT             # arrayPiece
            | LBRACK (BYTE | LABEL)* RBRACK                                   # bytesPiece
            | ref                                                             # refPiece
            | INCBIN LPAREN STRING (COMMA integerPrim COMMA integerPrim)? RPAREN # incbinPiece
            ;

integerPrim : LITERAL                     # literal
            | CHAR_LITERAL                # charLiteral
            | LPAREN expr RPAREN          # parens
            ;

expr        : integerPrim                                    # primary
            | op=(MINUS | TILDE | BANG) expr                 # unary
            | expr op=(STAR | SLASH | PERCENT) expr          # binary
            | expr op=(PLUS | MINUS) expr                    # binary
            | expr op=(LSHIFT | RSHIFT) expr                 # binary
            | expr op=(LT | GT | LE | GE) expr               # binary
            | expr op=(EQ | NE) expr                         # binary
            | expr op=AMP expr                               # binary
            | expr op=CARET expr                             # binary
            | expr op=PIPE expr                              # binary
            | expr op=AND expr                               # binary
            | expr op=OR expr                                # binary
            | <assoc=right> expr QUESTION expr COLON expr    # ternary
            ;
