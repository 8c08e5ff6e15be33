/*
 * Parser for device-tree source, shaped after dtc's grammar. Node bodies hold properties and subnodes in one
 * list so that the builder can report "Properties must precede subnodes" at the offending property, as dtc does.
 * Top-level items are a flat list; which of them may come first is checked by the builder.
 *
 * No parse tree is kept: the actions hand each item to the builders as its rule ends, as dtc's parser actions do,
 * and values and expressions are built while they are read.
 */
parser grammar DtsParser;

options { tokenVocab = DtsLexer; }

@parser::header {
import java.util.List;
}

@parser::members {
    /** What the rules' actions give the tree builder: each header, reserve entry, node and property as it ends. */
    public interface Tree {
        void header(Token v1, boolean plugin);
        void memreserve(List<Token> labels, long address, long size);
        /** A node body begins at its '{'. */
        void openNode(Token lbrace);
        /** The innermost open node body ends at its ';'. */
        void closeNode(Token semi);
        void rootNode();
        void refNode(Token label, Token ref);
        void deleteRef(Token start, Token ref);
        void omitRef(Token start, Token ref);
        void property(Token start, List<Token> labels, Token name, Token semi, boolean assigned, boolean deleted);
        void childNode(List<Token> labels, boolean omit, Token name);
        void deleteChild(List<Token> labels, boolean omit, Token del, Token name, Token semi);
    }

    /** What the rules' actions give the value builder, piece by piece, and the expressions they compute. */
    public interface Values {
        void start();
        void label(Token label);
        void string(Token string);
        /** A cell array begins; {@code bits} is the literal after /bits/, or null. */
        void array(Token bits);
        void cell(long value, Token first, Token last);
        void cellRef(Token ref);
        void bytes();
        void byteValue(Token hexByte);
        void pathRef(Token ref);
        void incbinName(Token string);
        void incbinRange(long offset, long length);
        void incbinEnd();
        long literal(Token literal);
        long character(Token charLiteral);
        long unary(Token op, long x);
        long binary(Token start, Token op, long x, long y);
    }

    public Tree tree;
    public Values values;
}

sourceFile  : header+ memreserve* topItem+ EOF ;

header      : v=V1 SEMI (p=PLUGIN SEMI)? {tree.header($v, $p != null);} ;

memreserve  : (ls+=LABEL)* MEMRESERVE a=integerPrim b=integerPrim SEMI {tree.memreserve($ls, $a.v, $b.v);} ;

topItem     : SLASH nodeBody                        {tree.rootNode();}
            | (l=LABEL)? r=ref nodeBody             {tree.refNode($l, $r.start);}
            | DEL_NODE r=ref SEMI                   {tree.deleteRef($start, $r.start);}
            | OMIT_NO_REF r=ref SEMI                {tree.omitRef($start, $r.start);}
            ;

ref         : LABEL_REF | PATH_REF ;

nodeBody    : lb=LBRACE {tree.openNode($lb);} item* RBRACE s=SEMI {tree.closeNode($s);} ;

item        : propdef
            | subnode
            ;

// The labels come first in both forms, so that what follows them decides with one token.
propdef     : (ls+=LABEL)*
              ( n=PROPNODENAME (a=ASSIGN propdata)? s=SEMI
                {tree.property($start, $ls, $n, $s, $a != null, false);}
              | DEL_PROP n=PROPNODENAME s=SEMI
                {tree.property($start, $ls, $n, $s, false, true);}
              )
            ;

// The labels and /omit-if-no-ref/ come first in both forms, so that what follows them decides with one token.
subnode     locals [boolean omit]
            : (ls+=LABEL | OMIT_NO_REF {$omit = true;})*
              ( n=PROPNODENAME nodeBody
                {tree.childNode($ls, $omit, $n);}
              | d=DEL_NODE n=PROPNODENAME s=SEMI
                {tree.deleteChild($ls, $omit, $d, $n, $s);}
              )
            ;

propdata    : {values.start();}
              (l=LABEL {values.label($l);})* piece (l=LABEL {values.label($l);})*
              (COMMA (l=LABEL {values.label($l);})* piece (l=LABEL {values.label($l);})*)* ;

piece       : s=STRING                              {values.string($s);}
            | (BITS b=LITERAL)? LT                  {values.array($b);}
              ( l=LABEL                             {values.label($l);}
              | p=integerPrim                       {values.cell($p.v, $p.start, $p.stop);}
              | r=ref                               {values.cellRef($r.start);}
              )* GT
            | LBRACK                                {values.bytes();}
              ( y=BYTE                              {values.byteValue($y);}
              | l=LABEL                             {values.label($l);}
              )* RBRACK
            | r=ref                                 {values.pathRef($r.start);}
            | INCBIN LPAREN s=STRING                {values.incbinName($s);}
              (COMMA o=integerPrim COMMA n=integerPrim {values.incbinRange($o.v, $n.v);})? RPAREN
                                                    {values.incbinEnd();}
            ;

integerPrim returns [long v]
            : t=LITERAL                             {$v = values.literal($t);}
            | c=CHAR_LITERAL                        {$v = values.character($c);}
            | LPAREN e=expr RPAREN                  {$v = $e.v;}
            ;

expr returns [long v]
            : p=integerPrim                                     {$v = $p.v;}
            | op=(MINUS | TILDE | BANG) x=expr                  {$v = values.unary($op, $x.v);}
            | a=expr op=(STAR | SLASH | PERCENT) b=expr         {$v = values.binary($start, $op, $a.v, $b.v);}
            | a=expr op=(PLUS | MINUS) b=expr                   {$v = values.binary($start, $op, $a.v, $b.v);}
            | a=expr op=(LSHIFT | RSHIFT) b=expr                {$v = values.binary($start, $op, $a.v, $b.v);}
            | a=expr op=(LT | GT | LE | GE) b=expr              {$v = values.binary($start, $op, $a.v, $b.v);}
            | a=expr op=(EQ | NE) b=expr                        {$v = values.binary($start, $op, $a.v, $b.v);}
            | a=expr op=AMP b=expr                              {$v = values.binary($start, $op, $a.v, $b.v);}
            | a=expr op=CARET b=expr                            {$v = values.binary($start, $op, $a.v, $b.v);}
            | a=expr op=PIPE b=expr                             {$v = values.binary($start, $op, $a.v, $b.v);}
            | a=expr op=AND b=expr                              {$v = values.binary($start, $op, $a.v, $b.v);}
            | a=expr op=OR b=expr                               {$v = values.binary($start, $op, $a.v, $b.v);}
            | <assoc=right> c=expr QUESTION t=expr COLON f=expr {$v = $c.v != 0 ? $t.v : $f.v;}
            ;
