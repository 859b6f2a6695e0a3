package server

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

const testAddr = "127.0.0.1:8080"

var testNow = func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }

// demoCorpus copies the embedded demo corpus's statutes into a directory
// the test may write overrides into, plus extra files (path -> content).
func demoCorpus(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(corpus.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || !strings.Contains(p, "/") {
			return err
		}
		b, err := fs.ReadFile(corpus.FS, p)
		if err != nil {
			return err
		}
		return write(dir, p, string(b))
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, c := range extra {
		if err := write(dir, p, c); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func write(dir, p, content string) error {
	full := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, []byte(content), 0o644)
}

func newServer(t *testing.T, corpusDir string, mod func(*Config)) *Server {
	t.Helper()
	cfg := Config{Workspace: workspace.New(workspace.Config{Corpus: corpusDir, Now: testNow, ToolVersion: "test"}),
		Addr: testAddr, Reviewer: "A. Adviser"}
	if mod != nil {
		mod(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func do(t *testing.T, s *Server, req *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	if req.Host == "example.com" {
		req.Host = testAddr
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

func get(t *testing.T, s *Server, target string) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, s, httptest.NewRequest(http.MethodGet, target, nil))
}

func post(t *testing.T, s *Server, target string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, s, req)
}

var hiddenRe = regexp.MustCompile(`name="(csrf|hash|law)" value="([^"]*)"`)

// formOf loads a finding page and returns its hidden fields.
func formOf(t *testing.T, s *Server, target string) url.Values {
	t.Helper()
	rec := get(t, s, target)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body)
	}
	v := url.Values{}
	for _, m := range hiddenRe.FindAllStringSubmatch(rec.Body.String(), -1) {
		v.Set(m[1], m[2])
	}
	if v.Get("csrf") == "" || v.Get("law") == "" || v.Get("hash") == "" {
		t.Fatalf("no decision form on %s", target)
	}
	return v
}
