package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"rollcall/model"
)

// messageIDs reads every model.MsgID constant from model's source, so that an id added there
// is checked here without anyone listing it.
func messageIDs(t *testing.T) []model.MsgID {
	t.Helper()
	fset := token.NewFileSet()
	notTest := func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }
	pkgs, err := parser.ParseDir(fset, "../model", notTest, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []model.MsgID
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.CONST {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "MsgID" {
						continue
					}
					for _, v := range vs.Values {
						lit, ok := v.(*ast.BasicLit)
						if !ok {
							t.Fatalf("%s: a MsgID must be a string literal", fset.Position(v.Pos()))
						}
						s, _ := strconv.Unquote(lit.Value)
						ids = append(ids, model.MsgID(s))
					}
				}
			}
		}
	}
	if len(ids) < 5 {
		t.Fatalf("found %d message ids in model: the reader is broken", len(ids))
	}
	return ids
}

// TestEveryMessageIDHasASentence: each message id of model has a sentence in both catalogues,
// the French one not a copy of the English one, and no id is used twice; with its values
// missing, a sentence still formats without a %! mark.
func TestEveryMessageIDHasASentence(t *testing.T) {
	en, fr := For(model.English), For(model.French)
	seen := map[model.MsgID]bool{}
	for _, id := range messageIDs(t) {
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
