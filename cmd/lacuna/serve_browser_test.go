package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium, which .ci/run installs.
const chromiumPath = "/usr/bin/chromium"

// TestServeInBrowser drives the workbench in headless Chromium as a
// reviewer would: the countries, a country, the review queue and its "n"
// key, a finding overridden through the form, the score updated on the
// country page, the statute at the quoted line; then checks the overrides
// file and `lacuna analyze`. With LACUNA_SCREENSHOTS=DIR it saves a
// screenshot of each page there (docs/screenshots holds the committed ones).
func TestServeInBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("no %s (Debian package chromium; .ci/run installs it): browser test skipped", chromiumPath)
	}
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	dir, env, cli := reviewLoopCorpus(t)
	now := func() time.Time { return time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) }
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
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	defer func() {
		cancel()
		<-done
	}()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromiumPath), chromedp.NoSandbox,
		chromedp.WindowSize(1280, 900), chromedp.Flag("disable-dev-shm-usage", true))
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Run(bctx); err != nil { // starts the browser, which lives as long as bctx
		t.Fatalf("start %s: %v", chromiumPath, err)
	}

	shots := os.Getenv("LACUNA_SCREENSHOTS")
	// shot saves the viewport, or the whole page when full.
	shot := func(name string, full ...bool) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			if shots == "" {
				return nil
			}
			var png []byte
			var capture chromedp.Action = chromedp.CaptureScreenshot(&png)
			if len(full) > 0 && full[0] {
				capture = chromedp.FullScreenshot(&png, 100) // quality 100: PNG
			}
			if err := capture.Do(ctx); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
		})
	}
	var before, after, title, verdict, notice string
	run := func(what string, actions ...chromedp.Action) {
		t.Helper()
		sctx, scancel := context.WithTimeout(bctx, 20*time.Second)
		defer scancel()
		if err := chromedp.Run(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	run("countries", chromedp.Navigate(base), chromedp.WaitVisible(`a[href="/c/XEA"]`), shot("countries"))
	run("country", chromedp.Click(`a[href="/c/XEA"]`), chromedp.WaitVisible(`#score`), chromedp.Text(`#score`, &before), shot("country"))
	// the queue's "n" key (keys.js) opens the first unreviewed finding
	run("queue", chromedp.Navigate(base+"c/XEA/queue"), chromedp.WaitVisible(`a[data-key="next"]`), shot("queue"),
		chromedp.KeyEvent("n"), chromedp.WaitVisible(`form.decide`), chromedp.Title(&title))
	if !strings.Contains(title, "— XEA") {
		t.Errorf("key n did not open a finding: title %q", title)
	}
	run("finding", chromedp.Navigate(base+"c/XEA/f/def.child-age-18"), chromedp.WaitVisible(`form.decide`), shot("finding", true))
	run("override", chromedp.Click(`input[name="action"][value="override"]`, chromedp.ByQuery))
	run("verdict", chromedp.SetValue(`select[name="verdict"]`, "met", chromedp.ByQuery))
	run("rationale", chromedp.SendKeys(`#rationale`, "The Children Act (Cap. 55) s2 defines a child as a person under 18; checked", chromedp.ByID))
	run("submit", chromedp.Click(`form.decide button[type="submit"]`, chromedp.ByQuery))
	run("decided", chromedp.WaitVisible(`p.notice.ok`, chromedp.ByQuery), chromedp.Text(`p.notice.ok`, &notice, chromedp.ByQuery),
		chromedp.Text(`#verdict`, &verdict, chromedp.ByID), shot("decided"))
	if !strings.Contains(notice, "Decision recorded") || !strings.HasPrefix(strings.TrimSpace(verdict), "met") {
		t.Errorf("after submitting: notice %q, verdict %q", notice, verdict)
	}
	run("score", chromedp.Navigate(base+"c/XEA"), chromedp.WaitVisible(`#score`), chromedp.Text(`#score`, &after))
	run("statute", chromedp.Navigate(base+"c/XEA/s/xea/ctip-act?hl=31#L31"), chromedp.WaitVisible(`#L31.hit`), shot("statute"))
	run("diff", chromedp.Navigate(base+"c/XEA/diff/xea/ctip-act?from=2012-07-01&to=2017-03-15"), chromedp.WaitVisible(`#diff ins`), shot("diff"))

	b, err := os.ReadFile(filepath.Join(dir, "xea", "overrides.yaml"))
	if err != nil || !strings.Contains(string(b), "requirement: def.child-age-18") || !strings.Contains(string(b), "decision: override") {
		t.Fatalf("overrides file %q %v", b, err)
	}
	_, out := cli("--corpus", dir, "analyze", "--country", "XEA")
	if !regexp.MustCompile(`(?m)^def\.child-age-18 +met \(machine: undetermined\)`).MatchString(out) {
		t.Errorf("analyze does not show the reviewed verdict:\n%s", out)
	}
	m := regexp.MustCompile(`SCORES  overall ([0-9.]+)`).FindStringSubmatch(out)
	if m == nil || after != m[1] || after == before {
		t.Errorf("score on the page %s (before %s), analyze says %v", after, before, m)
	}
}
