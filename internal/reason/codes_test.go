package reason

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/templates"
)

// use is one reason.New call found in the module's Go code.
type use struct {
	pos  string
	code string
	args []string // sorted keys of the reason.Args literal; nil for nil
}

// engineUses parses every non-test Go file of the module outside this
// package and returns each reason.New call. A call whose code is not a
// string literal, or whose arguments are neither nil nor a reason.Args
// literal with string keys, is reported as a problem: the test below can
// only vouch for codes it can read.
func engineUses(t *testing.T) ([]use, []string) {
	t.Helper()
	root := filepath.Join("..", "..")
	var uses []use
	var problems []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", ".git", "reason":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "New" {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "reason" {
				return true
			}
			pos := fset.Position(call.Pos()).String()
			if len(call.Args) != 2 {
				problems = append(problems, pos+": reason.New without two arguments")
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				problems = append(problems, pos+": reason code is not a string literal, expected reason.New(\"code\", …)")
				return true
			}
			code, _ := strconv.Unquote(lit.Value)
			u := use{pos: pos, code: code}
			switch a := call.Args[1].(type) {
			case *ast.Ident:
				if a.Name != "nil" {
					problems = append(problems, pos+": reason arguments are not a reason.Args literal or nil")
					return true
				}
			case *ast.CompositeLit:
				u.args = []string{}
				for _, el := range a.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					k, ok2 := kv.Key.(*ast.BasicLit)
					if !ok || !ok2 || k.Kind != token.STRING {
						problems = append(problems, pos+": reason.Args key is not a string literal")
						return true
					}
					s, _ := strconv.Unquote(k.Value)
					u.args = append(u.args, s)
				}
				sort.Strings(u.args)
			default:
				problems = append(problems, pos+": reason arguments are not a reason.Args literal or nil")
				return true
			}
			uses = append(uses, u)
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return uses, problems
}

// TestEngineCodesInCatalogue: every code the engine sets has an English
// sentence taking exactly the arguments the engine passes, and every
// sentence of the catalogue is used.
func TestEngineCodesInCatalogue(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "..", "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	c, err := English()
	if err != nil {
		t.Fatal(err)
	}
	uses, problems := engineUses(t)
	for _, p := range problems {
		t.Error(p)
	}
	if len(uses) < 40 {
		t.Fatalf("found %d reason.New calls, expected the engine's (at least 40)", len(uses))
	}
	used := map[string]bool{}
	for _, u := range uses {
		used[u.code] = true
		want, ok := c.Args(u.code)
		if !ok {
			t.Errorf("%s: code %q has no entry in %s/en.yaml", u.pos, u.code, Dir)
			continue
		}
		got := u.args
		if got == nil {
			got = []string{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: code %q passes arguments %v, its sentence takes %v", u.pos, u.code, got, want)
		}
	}
	for _, code := range c.Codes() {
		if !used[code] {
			t.Errorf("%s/en.yaml: code %q is used nowhere in the engine, expected it removed", Dir, code)
		}
	}
}

// TestLanguagesComplete: every catalogue has every English code, with the
// same arguments, and no other code.
func TestLanguagesComplete(t *testing.T) {
	en, err := English()
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(templates.FS, Dir+"/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalogues (%v)", err)
	}
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f), ".yaml")
		c, err := Load(templates.FS, lang)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if got, want := c.Codes(), en.Codes(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: codes differ from en.yaml:\n got %v\nwant %v", f, got, want)
			continue
		}
		for _, code := range en.Codes() {
			a, _ := c.Args(code)
			b, _ := en.Args(code)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s: %q takes %v, en.yaml %v", f, code, a, b)
			}
		}
	}
}
