package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rollcall/model"
)

// modelConsts reads the values of every constant of the named type from model's source, so that
// one added there is checked here without anyone listing it.
func modelConsts(t *testing.T, typ string) []string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("../model/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != typ {
					continue
				}
				for _, v := range vs.Values {
					lit, ok := v.(*ast.BasicLit)
					if !ok {
						t.Fatalf("%s: a %s must be a string literal", fset.Position(v.Pos()), typ)
					}
					s, _ := strconv.Unquote(lit.Value)
					ids = append(ids, s)
				}
			}
		}
	}
	if len(ids) < 5 {
		t.Fatalf("found %d constants of type %s in model: the reader is broken", len(ids), typ)
	}
	return ids
}

// TestEveryMessageIDHasASentence: each message id of model has a sentence in both catalogues,
// the French one not a copy of the English one, and no id is used twice; with its values
// missing, a sentence still formats without a %! mark.
func TestEveryMessageIDHasASentence(t *testing.T) {
	en, fr := For(model.English), For(model.French)
	seen := map[model.MsgID]bool{}
	for _, s := range modelConsts(t, "MsgID") {
		id := model.MsgID(s)
		if seen[id] {
			t.Errorf("message id %q is declared twice", id)
		}
		seen[id] = true
		m := model.Message{ID: id}
		se, okE := en.Message(m)
		sf, okF := fr.Message(m)
		switch {
		case !okE || strings.TrimSpace(se) == "":
			t.Errorf("English has no sentence for %q", id)
		case !okF || strings.TrimSpace(sf) == "":
			t.Errorf("French has no sentence for %q", id)
		case se == sf:
			t.Errorf("%q: the French sentence is the English one: %q", id, sf)
		}
		if strings.Contains(se+sf, "%!") {
			t.Errorf("%q formats badly: %q / %q", id, se, sf)
		}
	}
	if _, ok := en.Message(model.Message{ID: "no.such.id"}); ok {
		t.Error("an unknown id must not have a sentence")
	}
}

// TestEveryRuleHasWords: each rule a form or a file can break is said in words in both
// languages, never as its code.
func TestEveryRuleHasWords(t *testing.T) {
	en, fr := For(model.English), For(model.French)
	for _, s := range modelConsts(t, "Rule") {
		r := model.Rule(s)
		we, wf := en.importRule(r), fr.importRule(r)
		switch {
		case we == s || we == "":
			t.Errorf("English says rule %q as its code", s)
		case wf == s || wf == "":
			t.Errorf("French says rule %q as its code", s)
		case we == wf:
			t.Errorf("rule %q: the French words are the English ones: %q", s, wf)
		}
	}
}
