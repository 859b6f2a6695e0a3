// Command count-literals counts the legal-vocabulary string literals left in
// the Go code of internal/ (issue 10: language knowledge belongs in the
// lexicons of mapping/lexicon, not in Go). It prints one line per package
// and a total, sorted by package path.
//
//	go run ./scripts/count-literals [DIR]   # DIR defaults to internal
//
// A literal counts when it looks like words of a statute: it has a run of
// two or more letters, and it is not a format string (%), an error or log
// message (an argument of fmt.*, errors.New, t.Errorf, …), an import path, a
// struct tag, a constant (IDs and keys are declared as constants), an ID or
// key (lower-case words joined by '.', '_' or '-' without spaces: "crim.attempt",
// "sale_of_children"), an upper-case code ("KES", "MIXED"), a path or a sentence of more than ten words (a
// message), output text (the value of an Explanation, Found, Missing or Msg
// field) or a key passed to Has, SegMemo and the like. A regular expression (argument of regexp.MustCompile or
// regexp.Compile) counts once per alternative that holds letters, since each
// alternative is a phrase. -v lists every counted literal with its position.
// The count is a heuristic for tracking progress, not a proof.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	verbose := flag.Bool("v", false, "list every counted literal")
	flag.Parse()
	root := "internal"
	if flag.NArg() > 0 {
		root = flag.Arg(0)
	}
	counts := map[string]int{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(filepath.Dir(p))
		counts[pkg] += countFile(fset, f, *verbose)
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "count-literals:", err)
		os.Exit(2)
	}
	pkgs := make([]string, 0, len(counts))
	for p := range counts {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	total := 0
	for _, p := range pkgs {
		if counts[p] == 0 {
			continue
		}
		fmt.Printf("%6d  %s\n", counts[p], p)
		total += counts[p]
	}
	fmt.Printf("%6d  total\n", total)
}

// skipCalls are functions whose string arguments are messages or formats.
var skipCalls = map[string]bool{
	"fmt.Errorf": true, "fmt.Sprintf": true, "fmt.Printf": true, "fmt.Fprintf": true, "fmt.Sprint": true,
	"fmt.Fprintln": true, "fmt.Println": true, "fmt.Sprintln": true, "fmt.Fprint": true, "errors.New": true,
	"panic": true, "log.Printf": true, "log.Fatalf": true,
}

// keyCalls take keys (role names, memo names, reason codes and argument
// names), not vocabulary.
var keyCalls = map[string]bool{".Has": true, ".SegMemo": true, ".Memo": true, ".Get": true, ".Set": true,
	".Lookup": true, "Bit": true, "reason.New": true}

// messageFields hold text Lacuna writes, not text it reads.
var messageFields = map[string]bool{"Explanation": true, "Found": true, "Missing": true, "Msg": true,
	"Short": true, "Long": true, "Use": true, "Title": true, "Doc": true}

func countFile(fset *token.FileSet, f *ast.File, verbose bool) int {
	skip := map[*ast.BasicLit]bool{}
	regex := map[*ast.BasicLit]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			skip[n.Path] = true
		case *ast.Field:
			if n.Tag != nil {
				skip[n.Tag] = true
			}
		case *ast.GenDecl:
			if n.Tok == token.CONST {
				ast.Inspect(n, func(m ast.Node) bool {
					if b, ok := m.(*ast.BasicLit); ok {
						skip[b] = true
					}
					return true
				})
			}
		case *ast.KeyValueExpr:
			// output text of a result (Explanation, Found, Missing, Msg)
			if k, ok := n.Key.(*ast.Ident); ok && messageFields[k.Name] {
				ast.Inspect(n.Value, func(m ast.Node) bool {
					if b, ok := m.(*ast.BasicLit); ok {
						skip[b] = true
					}
					return true
				})
			}
		case *ast.CallExpr:
			name := callName(n.Fun)
			// (a method of any receiver: "t.Roles.Has", "rs.Has")
			method := name
			if i := strings.LastIndex(name, "."); i > 0 {
				method = name[i:]
			}
			msg := skipCalls[name] || keyCalls[name] || keyCalls[method] || strings.HasSuffix(name, ".Errorf") || strings.HasSuffix(name, ".Fatalf") ||
				strings.HasSuffix(name, "errorf") || strings.HasSuffix(name, ".Add") && len(n.Args) >= 2
			re := name == "regexp.MustCompile" || name == "regexp.Compile"
			for _, a := range n.Args {
				ast.Inspect(a, func(m ast.Node) bool {
					if b, ok := m.(*ast.BasicLit); ok {
						if msg {
							skip[b] = true
						}
						if re {
							regex[b] = true
						}
					}
					return true
				})
			}
		}
		return true
	})
	total := 0
	ast.Inspect(f, func(n ast.Node) bool {
		b, ok := n.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING || skip[b] {
			return true
		}
		s, err := strconv.Unquote(b.Value)
		if err != nil {
			return true
		}
		k := 0
		if regex[b] {
			for _, alt := range strings.Split(s, "|") {
				if letters(alt) {
					k++
				}
			}
		} else if vocabulary(s) {
			k = 1
		}
		if k > 0 && verbose {
			fmt.Printf("%s: %d %s\n", fset.Position(b.Pos()), k, b.Value)
		}
		total += k
		return true
	})
	return total
}

func callName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			return x.Name + "." + e.Sel.Name
		}
		return "." + e.Sel.Name
	}
	return ""
}

var (
	letterRun = regexp.MustCompile(`\pL\pL`)
	idLike    = regexp.MustCompile(`^[a-z0-9]+([._-][a-z0-9]+)+$`)
	// codeLike is an upper-case code of two to five ASCII letters: ISO 3166
	// and 4217 codes ("KEN", "KES"), Roman numeral digraphs, "HEAD", "WAL",
	// "MIXED". Such literals are keys and reference data, never the words
	// of a statute (whose words the lexicon holds in lower case).
	codeLike = regexp.MustCompile(`^[A-Z]{2,5}$`)
)

func letters(s string) bool { return letterRun.MatchString(s) }

// vocabulary reports whether a literal looks like words of a statute.
func vocabulary(s string) bool {
	if !letters(s) || strings.ContainsAny(s, "%/\n\\{}<>=") {
		return false
	}
	if idLike.MatchString(s) || codeLike.MatchString(s) || len(strings.Fields(s)) > 10 {
		return false
	}
	// Go identifiers in CamelCase, upper-case keys and the like are code
	for _, r := range s {
		if unicode.IsUpper(r) && !strings.ContainsRune(s, ' ') && s != strings.ToUpper(s) {
			return false
		}
	}
	return true
}
