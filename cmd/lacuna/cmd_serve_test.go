package main

import (
	"context"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/corpus"
)

func TestServeFlags(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want serveOptions
		err  string
	}{
		{"defaults", nil, serveOptions{Addr: "127.0.0.1:8080"}, ""},
		{"all", []string{"--addr", "0.0.0.0:9000", "--reviewer", "A. Adviser", "--host", "lacuna.lan,x.lan", "--export-gold", "g.yaml"},
			serveOptions{Addr: "0.0.0.0:9000", Reviewer: "A. Adviser", Hosts: []string{"lacuna.lan", "x.lan"}, ExportGold: "g.yaml"}, ""},
		{"bad addr", []string{"--addr", "8080"}, serveOptions{}, `--addr "8080"`},
		{"argument", []string{"extra"}, serveOptions{}, "unknown command"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ios, _, _ := testIO()
			f := &Factory{IO: ios, Global: &globalOptions{}, Now: realNow}
			var got *serveOptions
			cmd := newCmdServeWith(f, func(o *serveOptions) error { got = o; return nil })
			cmd.SetArgs(tc.args)
			cmd.SetOut(io.Discard)
			cmd.SetErr(io.Discard)
			err := cmd.Execute()
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Addr != tc.want.Addr || got.Reviewer != tc.want.Reviewer || strings.Join(got.Hosts, ",") != strings.Join(tc.want.Hosts, ",") || got.ExportGold != tc.want.ExportGold {
				t.Errorf("options %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestServeReviewLoop runs the workbench on a real socket: a reviewer
// overrides a finding in it, then `lacuna analyze` shows the reviewed
// verdict, `serve --export-gold` writes it as a gold label `lacuna eval`
// reads, and after an amendment analyze asks for a re-review.
func TestServeReviewLoop(t *testing.T) {
	dir, env, cli := reviewLoopCorpus(t)
	now := func() time.Time { return time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) }
	// the requirement to override: def.child-age-18 is undetermined in XEA
	if _, out := cli("--corpus", dir, "analyze", "--country", "XEA"); !regexp.MustCompile(`(?m)^def\.child-age-18 +undetermined`).MatchString(out) {
		t.Fatalf("fixture: def.child-age-18 is not undetermined:\n%s", out)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ios, _, _ := testIO()
	f := &Factory{IO: ios, Global: &globalOptions{Corpus: dir}, Environ: env, Now: now, Getwd: os.Getwd}
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serveRun(ctx, &serveOptions{IO: ios, Factory: f, Addr: "127.0.0.1:0", Reviewer: "A. Adviser", ready: func(u string) { ready <- u }})
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	client := &http.Client{Timeout: 20 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(base + "c/XEA/f/def.child-age-18")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	form := url.Values{}
	for _, m := range regexp.MustCompile(`name="(csrf|hash|law)" value="([^"]*)"`).FindAllStringSubmatch(string(page), -1) {
		form.Set(m[1], m[2])
	}
	form.Set("action", "override")
	form.Set("verdict", "met")
	form.Set("rationale", "The Children Act (Cap. 141) s2 defines a child as a person under 18")
	form.Set("reviewer", "A. Adviser")
	resp, err = client.PostForm(base+"c/XEA/f/def.child-age-18", form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("decision: %d", resp.StatusCode)
	}
	resp, err = client.Get(base + "export/gold.yaml")
	if err != nil {
		t.Fatal(err)
	}
	served, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}

	if _, out := cli("--corpus", dir, "analyze", "--country", "XEA"); !regexp.MustCompile(`(?m)^def\.child-age-18 +met \(machine: undetermined\)`).MatchString(out) {
		t.Errorf("analyze does not show the reviewed verdict:\n%s", out)
	}
	gold := filepath.Join(t.TempDir(), "reviewed.yaml")
	if code, out := cli("--corpus", dir, "serve", "--export-gold", gold); code != 0 {
		t.Fatalf("export: %s", out)
	}
	written, _ := os.ReadFile(gold)
	if string(written) != string(served) {
		t.Errorf("--export-gold and /export/gold.yaml differ:\n%s\n---\n%s", written, served)
	}
	code, out := cli("--corpus", dir, "eval", gold)
	if code != 0 || !strings.Contains(out, "def.child-age-18") || !regexp.MustCompile(`0/1|0 of 1|0\.0%`).MatchString(out) {
		t.Errorf("eval of the exported decision (gold met, machine undetermined) should disagree once:\n%s", out)
	}

	// The Act is amended: the decision no longer applies.
	p := filepath.Join(dir, "xea", "ctip-act-2023.md")
	b, _ := os.ReadFile(p)
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), `version_date: "2023-09-01"`, `version_date: "2024-09-01"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, out := cli("--corpus", dir, "analyze", "--country", "XEA"); !regexp.MustCompile(`(?m)^def\.child-age-18 +undetermined \(re-review\)`).MatchString(out) {
		t.Errorf("analyze after the amendment should ask for a re-review:\n%s", out)
	}
	if _, out := cli("--corpus", dir, "analyze", "--country", "XEA", "--explain"); !strings.Contains(out, "RE-REVIEW: statute xea/ctip-act is now version 2024-09-01") {
		t.Errorf("analyze --explain does not say why:\n%s", out)
	}
}

// reviewLoopCorpus copies the demo corpus's Eastmere statutes into a
// writable directory and returns it, an environment and a function running
// the CLI over it (exit code 0 or 2, and its output).
func reviewLoopCorpus(t *testing.T) (string, []string, func(args ...string) (int, string)) {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(corpus.FS, "xea", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(corpus.FS, p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"HOME=" + t.TempDir(), "XDG_DATA_HOME=" + t.TempDir()}
	now := func() time.Time { return time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) }
	cli := func(args ...string) (int, string) {
		ios, out, errOut := testIO()
		f := &Factory{IO: ios, Global: &globalOptions{}, Environ: env, Now: now, Getwd: os.Getwd}
		root := newRootCmd(f)
		root.SetArgs(args)
		root.SetOut(ios.Out)
		root.SetErr(ios.ErrOut)
		err := root.ExecuteContext(context.Background())
		if err != nil {
			return 2, errOut.String() + err.Error()
		}
		return 0, out.String() + errOut.String()
	}
	return dir, env, cli
}
