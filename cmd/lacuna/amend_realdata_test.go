package main

import (
	"context"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// runLacuna runs the CLI in-process with a fixed clock and returns its
// output and exit code.
func runLacuna(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	io, out, errOut := testIO()
	f := &Factory{IO: io, Global: &globalOptions{}, Environ: []string{"HOME=" + t.TempDir()},
		Now: func() time.Time { return time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC) }}
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	err := root.ExecuteContext(context.Background())
	if err != nil {
		errOut.WriteString(err.Error() + "\n")
	}
	return out.String(), errOut.String(), exitCode(err)
}

func wantMatch(t *testing.T, what, out string, patterns ...string) {
	t.Helper()
	for _, p := range patterns {
		if !regexp.MustCompile("(?m)" + p).MatchString(out) {
			t.Errorf("%s: no match for %q in:\n%s", what, p, out)
		}
	}
}

// TestAmendmentCommandsOnRealData runs diff, history, search and compare
// over ../shared/realdata/statutes (skipped when absent).
func TestAmendmentCommandsOnRealData(t *testing.T) {
	rd := realdataDir()
	if rd == "" {
		t.Skip("real data not found at ../shared/realdata (set LACUNA_REALDATA)")
	}
	dir := filepath.Join(rd, "statutes")
	db := filepath.Join(t.TempDir(), "l.db")
	cases := []struct {
		name string
		args []string
		want []string
		not  []string
	}{
		{"diff FRA 2011→2013", []string{"--corpus", dir, "--db", db, "diff", "--country", "FRA", "--from", "2011", "--to", "2013"},
			[]string{`^statute fra/code-penal 2011-05-19 → 2013-08-07: `, `^  changed art225-4-1 `, `^  added art225-14-1 `,
				`^  added art225-14-2 `, `^  improved  def\.purposes: (gap|partial) → met`,
				`^  improved  crim\.forced-labour: gap → (met|partial)`,
				`caused by fra/code-penal art225-14-1 \(added, new evidence\)`},
			[]string{`regressed `}},
		{"diff DEU files json", []string{"diff", filepath.Join(dir, "deu-stgb-232-2012.md"), filepath.Join(dir, "deu-stgb-232-2021.md"), "--format", "json"},
			[]string{`"new_id": "§232b"`, `"requirement": "def.purposes"`}, nil},
		{"history FRA", []string{"--corpus", dir, "--db", db, "history", "--country", "FRA", "--format", "csv"},
			[]string{`^version,2011-05-19,,FRA,`, `^version,2013-08-07,,FRA,.*def\.purposes (gap|partial)→met`}, nil},
		{"history DEU", []string{"--corpus", dir, "--db", db, "history", "--country", "DEU"},
			[]string{`^  deu/stgb +2012-12-05 corpus `, `^  2021-11-22 `}, nil},
		{"search DEU", []string{"--corpus", dir, "--db", db, "search", "Zwangsarbeit", "--country", "DEU"},
			[]string{`^ 1\. deu/stgb §232b`}, nil},
		{"search FRA all versions", []string{"--corpus", dir, "--db", db, "search", "réduction en servitude", "--lang", "fr", "--all-versions"},
			[]string{`fra/code-penal art225-14-2, line [0-9]+ \(FRA, version 2013-08-07\)`}, nil},
		{"compare", []string{"--corpus", dir, "compare", "FRA", "DEU", "ESP", "KEN", "--format", "csv"},
			[]string{`^requirement,title,pillar,FRA,DEU,ESP,KEN,shortfalls$`, `^score:overall,,,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,$`}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runLacuna(t, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			wantMatch(t, tc.name, out, tc.want...)
			for _, p := range tc.not {
				if regexp.MustCompile("(?m)" + p).MatchString(out) {
					t.Errorf("%s: unexpected match for %q", tc.name, p)
				}
			}
		})
	}
}
