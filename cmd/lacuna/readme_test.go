package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// tourLine is one command of a fenced sh block of README.md.
type tourLine struct {
	line    int      // 1-based line in README.md
	section string   // the "## " heading above the block
	args    []string // the command, split as a POSIX shell would (quotes, no expansion)
	comment string   // after " #", where the README says what the command prints
}

// readmeCommands returns the commands of every ```sh block of a README,
// in order. It fails on what it cannot split honestly: an unclosed quote,
// a continuation line, a pipe or a redirection.
func readmeCommands(src []byte) ([]tourLine, error) {
	var out []tourLine
	sc := bufio.NewScanner(bytes.NewReader(src))
	section, inSh, inOther := "", false, false
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		switch {
		case !inSh && !inOther && strings.HasPrefix(l, "## "):
			section = strings.TrimPrefix(l, "## ")
		case !inSh && !inOther && strings.HasPrefix(l, "```"):
			lang := strings.TrimSpace(strings.TrimPrefix(l, "```"))
			inSh, inOther = lang == "sh" || lang == "bash", !(lang == "sh" || lang == "bash")
		case (inSh || inOther) && strings.HasPrefix(l, "```"):
			inSh, inOther = false, false
		case inSh:
			args, comment, err := shellSplit(l)
			if err != nil {
				return nil, fmt.Errorf("README.md:%d: %v", n, err)
			}
			if len(args) > 0 {
				out = append(out, tourLine{line: n, section: section, args: args, comment: comment})
			}
		}
	}
	return out, sc.Err()
}

// shellSplit splits one shell line into words and its trailing comment.
func shellSplit(l string) ([]string, string, error) {
	var args []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				args, inWord = append(args, cur.String()), false
				cur.Reset()
			}
		case c == '#' && !inWord:
			return args, strings.TrimSpace(l[i+1:]), nil
		case c == '"' || c == '\'':
			j := strings.IndexByte(l[i+1:], c)
			if j < 0 {
				return nil, "", fmt.Errorf("unclosed %c quote in %q", c, l)
			}
			cur.WriteString(l[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '\\' || c == '|' || c == '>' || c == '<' || c == ';' || c == '&' || c == '$' || c == '`':
			return nil, "", fmt.Errorf("%q: the tour test runs plain commands only, without %c", l, c)
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		args = append(args, cur.String())
	}
	return args, "", nil
}

var (
	reExit   = regexp.MustCompile(`\(exit (\d)\)`)
	reQuoted = regexp.MustCompile(`"([^"]+)"`)
)

// TestREADMETour follows README.md as a newcomer on a fresh clone would:
// every command of its sh blocks runs, in order, in one directory holding a
// copy of the checkout's data (corpus, docs, testdata). lacuna commands run
// in-process; "(exit N)" in a comment is the exit status expected (else 0);
// every "quoted" text in a comment must appear in what the command prints;
// the files it names with -o, --out-dir or --export-gold must be written.
// The go toolchain lines are checked for the package paths they name (the
// test itself is what `go test ./...` runs); a `serve` that would listen is
// run with --export-gold instead, which loads the same corpus and overrides
// and exits. The legislation-repository section clones the real-data
// bundle its comment offers, and is skipped without it.
func TestREADMETour(t *testing.T) {
	if testing.Short() {
		t.Skip("the README tour renders PDFs; skipped with -short")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	cmds, err := readmeCommands(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(cmds) < 20 {
		t.Fatalf("found %d commands in README.md's sh blocks, expected the whole tour", len(cmds))
	}
	work := t.TempDir()
	for _, d := range []string{"corpus", "docs", "testdata"} {
		if err := os.CopyFS(filepath.Join(work, d), os.DirFS(filepath.Join(repo, d))); err != nil {
			t.Fatal(err)
		}
	}
	rd := realdataDir() // before Chdir: it is found relative to the checkout
	t.Chdir(work)
	env := []string{"XDG_DATA_HOME=" + filepath.Join(work, ".data"), "HOME=" + work, "NO_COLOR=1"}
	skipped := map[string]string{} // section → why its remaining lines are skipped
	ran := 0
	for _, c := range cmds {
		where := fmt.Sprintf("README.md:%d: %s", c.line, strings.Join(c.args, " "))
		if why, ok := skipped[c.section]; ok {
			t.Logf("%s: skipped (%s)", where, why)
			continue
		}
		switch c.args[0] {
		case "go":
			checkGoLine(t, repo, where, c.args)
			if len(c.args) > 2 && c.args[1] == "run" {
				checkTourRun(t, where, c, env, c.args[3:])
				ran++
			}
		case "lacuna":
			args := c.args[1:]
			if isListeningServe(args) {
				args = append(args, "--export-gold", "-")
			}
			checkTourRun(t, where, c, env, args)
			ran++
		case "cp":
			tourCopy(t, where, c.args[1:])
		case "git":
			if why := tourClone(t, where, rd, c.args); why != "" {
				skipped[c.section] = why
			}
		default:
			t.Errorf("%s: the tour test runs lacuna, go, git clone and cp, not %q; add it to the test or leave it out of the README", where, c.args[0])
		}
	}
	if ran < 20 {
		t.Errorf("ran %d lacuna commands, expected the whole tour", ran)
	}
}

// isListeningServe reports whether args start the workbench's server.
func isListeningServe(args []string) bool {
	serve := false
	for _, a := range args {
		if a == "serve" {
			serve = true
		}
		if a == "--export-gold" || a == "--help" {
			return false
		}
	}
	return serve
}

// checkTourRun runs one lacuna command in-process and checks its exit
// status, the text its comment quotes and the files it says it writes.
func checkTourRun(t *testing.T, where string, c tourLine, env, args []string) {
	t.Helper()
	io, out, errOut := testIO()
	code := run(context.Background(), args, env, io)
	want := 0
	if m := reExit.FindStringSubmatch(c.comment); m != nil {
		want, _ = strconv.Atoi(m[1])
	}
	printed := out.String() + errOut.String()
	if code != want {
		t.Errorf("%s: exit %d, want %d\nstderr: %s", where, code, want, firstLines(errOut.String(), 5))
		return
	}
	writes := false
	for _, a := range args {
		writes = writes || a == "-o" || a == "--out-dir" || (a == "--export-gold" && args[len(args)-1] != "-")
	}
	if strings.TrimSpace(printed) == "" && !writes {
		t.Errorf("%s: printed nothing", where)
	}
	for _, m := range reQuoted.FindAllStringSubmatch(c.comment, -1) {
		if !strings.Contains(printed, m[1]) {
			t.Errorf("%s: the README says it prints %q; it printed:\n%s", where, m[1], firstLines(printed, 12))
		}
	}
	for i, a := range args[:len(args)-1] {
		switch a {
		case "-o", "--export-gold":
			if p := args[i+1]; p != "-" {
				if st, err := os.Stat(p); err != nil || st.Size() == 0 {
					t.Errorf("%s: %s %s was not written (%v)", where, a, p, err)
				}
			}
		case "--out-dir":
			if ents, err := os.ReadDir(args[i+1]); err != nil || len(ents) == 0 {
				t.Errorf("%s: --out-dir %s holds no packs (%v)", where, args[i+1], err)
			}
		}
	}
}

// checkGoLine checks that a go toolchain line names packages of this
// checkout by relative path (a module path would need a published module).
func checkGoLine(t *testing.T, repo, where string, args []string) {
	t.Helper()
	if len(args) < 2 {
		t.Errorf("%s: a bare go command", where)
		return
	}
	var pkgs []string
	for i := 2; i < len(args); i++ {
		a := args[i]
		if a == "-o" {
			i++
			continue
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		pkgs = append(pkgs, a)
		if args[1] == "run" {
			break // the rest are the program's arguments
		}
	}
	if len(pkgs) == 0 {
		t.Errorf("%s: names no package", where)
	}
	for _, p := range pkgs {
		if !strings.HasPrefix(p, "./") {
			t.Errorf("%s: package %q is not a path in the checkout (the module is not published)", where, p)
			continue
		}
		dir := filepath.Join(repo, strings.TrimSuffix(p, "/..."))
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			t.Errorf("%s: %s is not a directory of the checkout", where, p)
		}
	}
}

// tourCopy does what cp SRC DST and cp -r SRC DST do.
func tourCopy(t *testing.T, where string, args []string) {
	t.Helper()
	if len(args) == 3 && args[0] == "-r" {
		if err := os.CopyFS(args[2], os.DirFS(args[1])); err != nil {
			t.Errorf("%s: %v", where, err)
		}
		return
	}
	if len(args) != 2 {
		t.Errorf("%s: the test knows cp SRC DST and cp -r SRC DST only", where)
		return
	}
	b, err := os.ReadFile(args[0])
	if err == nil {
		err = os.WriteFile(args[1], b, 0o644)
	}
	if err != nil {
		t.Errorf("%s: %v", where, err)
	}
}

// tourClone clones the legalize-li repository the README names from the
// real-data bundle the README offers in its place (no network in tests).
// It returns why the section cannot run, or "".
func tourClone(t *testing.T, where, rd string, args []string) string {
	t.Helper()
	if len(args) == 3 && args[1] == "clone" {
		args = append(args, filepath.Base(args[2])) // git's default directory
	}
	if len(args) != 4 || args[1] != "clone" {
		t.Errorf("%s: the test knows git clone URL [DIR] only", where)
		return "unknown git command"
	}
	if args[2] != "https://github.com/legalize-dev/legalize-li" {
		t.Errorf("%s: the test has no local copy of %s", where, args[2])
		return "no local copy"
	}
	if rd == "" {
		return "no ../shared/realdata for the legalize-li bundle"
	}
	if _, err := exec.LookPath("git"); err != nil {
		return "no git program"
	}
	bundle := filepath.Join(rd, "repos", "legalize-li-stgb.bundle")
	if out, err := exec.Command("git", "clone", "-q", bundle, args[3]).CombinedOutput(); err != nil {
		t.Errorf("%s: git clone %s: %v\n%s", where, bundle, err, out)
		return "clone failed"
	}
	return ""
}

func firstLines(s string, n int) string {
	l := strings.SplitN(s, "\n", n+1)
	if len(l) > n {
		l = l[:n]
	}
	return strings.Join(l, "\n")
}

func TestShellSplit(t *testing.T) {
	tests := []struct {
		name, line, comment string
		args                []string
		bad                 bool
	}{
		{name: "words and comment", line: `lacuna runs   # saved runs`, args: []string{"lacuna", "runs"}, comment: "saved runs"},
		{name: "quoted word", line: `lacuna search "position of vulnerability" --country XEA`, args: []string{"lacuna", "search", "position of vulnerability", "--country", "XEA"}},
		{name: "hash inside a word", line: `lacuna show a#b`, args: []string{"lacuna", "show", "a#b"}},
		{name: "pipe refused", line: `lacuna runs | head`, bad: true},
		{name: "unclosed quote", line: `lacuna search "x`, bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args, comment, err := shellSplit(tt.line)
			if (err != nil) != tt.bad {
				t.Fatalf("err = %v, want error %v", err, tt.bad)
			}
			if tt.bad {
				return
			}
			if strings.Join(args, "\x00") != strings.Join(tt.args, "\x00") || comment != tt.comment {
				t.Errorf("got %q # %q, want %q # %q", args, comment, tt.args, tt.comment)
			}
		})
	}
}

// reRepoPath finds paths into the checkout that README.md names.
var reRepoPath = regexp.MustCompile("(?:^|[\\s(`\\[])((?:\\.ci|cmd|corpus|docs|internal|mapping|templates|testdata)/[A-Za-z0-9_./-]*[A-Za-z0-9_/])")

// TestREADMEPaths checks that every path into the checkout that README.md
// names (code, docs, screenshots, fixtures) exists, so a newcomer who
// follows a reference finds the file. Placeholders (`cmd_<name>.go`,
// `templates/reasons/<lang>.yaml`) are left out.
func TestREADMEPaths(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for n, l := range strings.Split(string(src), "\n") {
		for _, m := range reRepoPath.FindAllStringSubmatchIndex(l, -1) {
			p := l[m[2]:m[3]]
			if m[3] < len(l) && l[m[3]] == '<' || strings.Contains(p, "..") {
				continue // a placeholder such as templates/reasons/<lang>.yaml
			}
			if seen[p] {
				continue
			}
			seen[p] = true
			if _, err := os.Stat(filepath.Join(repo, p)); err != nil {
				t.Errorf("README.md:%d: %s does not exist in the checkout", n+1, p)
			}
		}
	}
	if len(seen) < 20 {
		t.Errorf("found %d paths in README.md, expected the layout table and the tour's", len(seen))
	}
}
