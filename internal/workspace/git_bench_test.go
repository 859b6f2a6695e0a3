package workspace

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/gitrepo"
	"github.com/lacuna-project/lacuna/internal/gitrepo/gittest"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/testutil"
)

// amendedRepo builds a repository in a temporary directory whose file
// path has versions commits: the first is text, each later one edits
// sections sections of the one before (a sentence added to the first
// paragraph under a heading), author-dated a month apart.
func amendedRepo(tb testing.TB, path, text string, versions, sections int) string {
	tb.Helper()
	dir := gittest.Init(tb, "")
	lines := strings.Split(text, "\n")
	var paras []int // the first paragraph line under each heading
	for i := 0; i < len(lines)-2; i++ {
		if strings.HasPrefix(lines[i], "#") {
			for j := i + 1; j < len(lines) && j < i+6; j++ {
				if l := strings.TrimSpace(lines[j]); l != "" && !strings.HasPrefix(l, "#") {
					paras = append(paras, j)
					break
				}
			}
		}
	}
	if len(paras) < sections {
		tb.Fatalf("%s: %d paragraphs under headings, want at least %d", path, len(paras), sections)
	}
	r := rand.New(rand.NewSource(11))
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for v := 0; v < versions; v++ {
		if v > 0 {
			for k := 0; k < sections; k++ {
				j := paras[r.Intn(len(paras))]
				lines[j] += fmt.Sprintf(" Satz %d in der Fassung %d.", k+1, v)
			}
		}
		gittest.Commit(tb, dir, day.AddDate(0, v, 0).Format("2006-01-02"), fmt.Sprintf("reform %d", v), map[string]string{path: strings.Join(lines, "\n")})
	}
	return dir
}

// benchHistory times what "lacuna history --git DIR --path PATH" does:
// read every commit, parse every version, analyse every version date and
// explain the verdict changes.
func benchHistory(b *testing.B, dir, path string, versions int) {
	m, err := New(Config{DB: filepath.Join(b.TempDir(), "lacuna.db"), Now: fixedNow, ToolVersion: "bench"}).Map()
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuSeconds()
	b.ResetTimer()
	defer func() { b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op") }()
	for i := 0; i < b.N; i++ {
		h, err := LoadGit(context.Background(), GitSource{Repo: dir, Paths: []string{path}})
		if err != nil {
			b.Fatal(err)
		}
		tl, err := GitTimelineOf(m, h, score.Options{LacunaVersion: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		if len(tl.Points) != versions {
			b.Fatalf("%d points, want %d", len(tl.Points), versions)
		}
	}
}

// BenchmarkGitHistory100: a history of 100 versions of a whole code, each
// commit editing three sections. "li-stgb" starts from the Liechtenstein
// StGB as its last commit left it (about 430 KB; skipped without the
// shared real data), "generated" from a synthetic code of about 500 KB.
//
//	go test ./internal/workspace -run '^$' -bench GitHistory100 -benchtime 1x
func BenchmarkGitHistory100(b *testing.B) {
	const versions, edits = 100, 3
	b.Run("li-stgb", func(b *testing.B) {
		bundle := filepath.Join(testutil.RealData(b), "repos", "legalize-li-stgb.bundle")
		ctx := context.Background()
		r, err := gitrepo.Open(ctx, bundle)
		if err != nil {
			b.Skipf("no bundle: %v", err)
		}
		defer r.Close()
		const p = "li/LGBl-1988-037.md"
		cs, err := r.Log(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		text, err := r.Read(ctx, cs[len(cs)-1].Hash, p)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: %d bytes, %d versions", p, len(text), versions)
		benchHistory(b, amendedRepo(b, p, string(text), versions, edits), p, versions)
	})
	b.Run("generated", func(b *testing.B) {
		text := string(testutil.Statute("XHS", 1, 0, 620, rand.New(rand.NewSource(1))))
		b.Logf("xhs/code.md: %d bytes, %d versions", len(text), versions)
		benchHistory(b, amendedRepo(b, "xhs/code.md", text, versions, edits), "xhs/code.md", versions)
	})
}

// cpuSeconds is the process's user and system CPU time so far: the figure
// other jobs on a shared machine inflate far less than wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
