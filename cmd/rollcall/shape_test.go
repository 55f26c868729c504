package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// leaves are the commands of the tree that have no subcommand: the ones that do something.
func leaves(c *cobra.Command) []*cobra.Command {
	if !c.HasSubCommands() {
		return []*cobra.Command{c}
	}
	var out []*cobra.Command
	for _, sub := range c.Commands() {
		out = append(out, leaves(sub)...)
	}
	return out
}

func testRoot() *cobra.Command {
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, rawStdout: io.Discard,
		getenv: func(string) string { return "" }}
	return newRootCmd(&factory{env: e})
}

// TestEveryLeafCommandActs: a command without subcommands returns its error through RunE (so
// its exit code follows from its kind) and is not taken for a group, whose only action is
// printing help and exiting 0.
func TestEveryLeafCommandActs(t *testing.T) {
	group := reflect.ValueOf(knownCommand).Pointer()
	n := 0
	for _, c := range leaves(testRoot()) {
		if c == c.Root() {
			continue
		}
		n++
		if c.Run != nil {
			t.Errorf("%s: Run instead of RunE: its errors would not reach the exit code", c.CommandPath())
		}
		if c.Args != nil && reflect.ValueOf(c.Args).Pointer() == group {
			t.Errorf("%s: no RunE, so it only prints help", c.CommandPath())
		}
	}
	if n < 80 {
		t.Fatalf("only %d leaf commands found: the walk is broken", n)
	}
}

// TestFlagsBelongToOneRun: every flag of every command is bound to the options of the command
// tree it was parsed into, never to a variable shared by two runs (one process serves many SSH
// sessions at once): a value set in one tree leaves the other's at its default.
func TestFlagsBelongToOneRun(t *testing.T) {
	a, b := testRoot(), testRoot()
	set := 0
	for _, ca := range leaves(a) {
		cb, _, err := b.Find(strings.Fields(ca.CommandPath())[1:])
		if err != nil {
			t.Fatalf("%s: not in the second tree: %v", ca.CommandPath(), err)
		}
		ca.Flags().VisitAll(func(fa *pflag.Flag) {
			fb := cb.Flags().Lookup(fa.Name)
			if fb == nil {
				t.Errorf("%s --%s: missing from the second tree", ca.CommandPath(), fa.Name)
				return
			}
			if !setOther(fa) {
				return // a value of a kind this test does not know
			}
			set++
			if fb.Value.String() != fb.DefValue {
				t.Errorf("%s --%s: setting it in one run changed another run's value to %q",
					ca.CommandPath(), fa.Name, fb.Value.String())
			}
		})
	}
	if set < 300 {
		t.Fatalf("only %d flags could be set: the test lost its reach", set)
	}
}

// setOther gives fl a value other than its default; false when no candidate is accepted.
func setOther(fl *pflag.Flag) bool {
	for _, v := range []string{"true", "false", "7", "9", "7s", "rollcall-test", "other"} {
		if v == fl.DefValue {
			continue
		}
		if err := fl.Value.Set(v); err == nil && fl.Value.String() != fl.DefValue {
			return true
		}
	}
	return false
}

// TestCommandsTakeTheOptionsShape: in the command files, RunE only hands the parsed options to a
// run function (the work is done there, through the session), and no flag is read back ad hoc
// with cmd.Flags().GetXxx: each is bound to a field of the command's options.
func TestCommandsTakeTheOptionsShape(t *testing.T) {
	paths, err := filepath.Glob("cmd_*.go")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, "root.go")
	fset := token.NewFileSet()
	runEs := 0
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "RunE" {
					if lit, ok := n.Value.(*ast.FuncLit); ok {
						runEs++
						if !handsOver(lit.Body) {
							t.Errorf("%s: RunE does more than hand its options to a run function", fset.Position(n.Pos()))
						}
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || !strings.HasPrefix(sel.Sel.Name, "Get") {
					return true
				}
				if inner, ok := sel.X.(*ast.CallExpr); ok {
					if s, ok := inner.Fun.(*ast.SelectorExpr); ok && strings.HasSuffix(s.Sel.Name, "Flags") {
						t.Errorf("%s: a flag read with %s: bind it to the options instead", fset.Position(n.Pos()), sel.Sel.Name)
					}
				}
			}
			return true
		})
	}
	if runEs < 60 {
		t.Fatalf("only %d RunE found: the reader is broken", runEs)
	}
}

// handsOver says whether a RunE body is a few assignments of arguments to the options, then
// `return runXxx(...)` (or a group's help).
func handsOver(body *ast.BlockStmt) bool {
	if len(body.List) == 0 || len(body.List) > 3 {
		return false
	}
	for _, st := range body.List[:len(body.List)-1] {
		if _, ok := st.(*ast.AssignStmt); !ok {
			return false
		}
	}
	ret, ok := body.List[len(body.List)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	call, ok := ret.Results[0].(*ast.CallExpr)
	if !ok {
		return false
	}
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return strings.HasPrefix(fn.Name, "run")
	case *ast.SelectorExpr:
		return fn.Sel.Name == "Help"
	}
	return false
}
