package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/workspace"
)

const hostileAct = `---
id: xsc/act
country: XSC
title: "Act <script>alert('title')</script>"
language: en
version_date: "2020-01-01"
---

# Trafficking Act <script>alert('h1')</script>

### 2 Interpretation <img src=x onerror=alert(2)>

"child" means a person under the age of eighteen years </span><script>alert('text')</script>;

### 3 Trafficking in persons

(1) A person who recruits, transports, transfers, harbours or receives another person by means of force or deception for the purpose of exploitation commits an offence <script>alert('quote')</script> and is liable to imprisonment for a term of not less than ten years.
`

func TestStatuteTextIsEscaped(t *testing.T) {
	dir := demoCorpus(t, map[string]string{"xsc/act.md": hostileAct})
	s := newServer(t, dir, nil)
	pages := []string{"/", "/c/XSC", "/c/XSC/queue", "/c/XSC/s/xsc/act", "/c/XSC/diff/xsc/act", "/c/XSC/f/crim.offence", "/c/XSC/f/def.child-age-18", "/c/XSC/f/def.acts"}
	ld, err := s.load(t.Context(), "XSC")
	if err != nil {
		t.Fatal(err)
	}
	quoted := false
	for _, f := range ld.res.Findings {
		for _, e := range f.Evidence {
			// the parser drops inline HTML from quotes; the page shows the
			// source line itself
			if st := ld.statute(e.Statute); st != nil && strings.Contains(ld.lines[st.Path][e.Line-1], "<script>") {
				quoted = true
				pages = append(pages, "/c/XSC/f/"+f.Requirement)
			}
		}
	}
	if !quoted {
		t.Fatal("fixture: no finding quotes a source line with <script>")
	}
	for _, p := range pages {
		rec := get(t, s, p)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d", p, rec.Code)
		}
		body := rec.Body.String()
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || strings.Contains(body, "</span><script>") {
			t.Errorf("%s: statute text reaches the page unescaped", p)
		}
		if p == "/c/XSC/s/xsc/act" && !strings.Contains(body, "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;") {
			t.Errorf("%s: escaped text missing", p)
		}
		// no inline script or handler anywhere: the CSP forbids them
		if m := regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]|<script>|<[a-z][^>]*\s(?:on[a-z]+|style)=`).FindString(body); m != "" {
			t.Errorf("%s: inline script or style %q", p, m)
		}
		if rec.Header().Get("Content-Security-Policy") != CSP || strings.Contains(CSP, "unsafe-inline") {
			t.Errorf("%s: CSP %q", p, rec.Header().Get("Content-Security-Policy"))
		}
	}
}

func TestHostHeader(t *testing.T) {
	s := newServer(t, demoCorpus(t, nil), func(c *Config) { c.Hosts = []string{"lacuna.lan"} })
	for _, tc := range []struct {
		host string
		code int
	}{
		{"127.0.0.1:8080", 200}, {"localhost:8080", 200}, {"LOCALHOST:8080", 200}, {"[::1]:8080", 200}, {"lacuna.lan:8080", 200},
		{"evil.example:8080", 421}, {"evil.example", 421}, {"127.0.0.1:9999", 421}, {"127.0.0.1", 421}, {"", 421},
	} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Host = tc.host
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != tc.code {
			t.Errorf("Host %q: %d, want %d", tc.host, rec.Code, tc.code)
		}
		if rec.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("Host %q: no CSP on the answer", tc.host)
		}
	}
}

func TestCSRFAndOrigin(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	good := formOf(t, s, "/c/XEA/f/def.acts")
	good.Set("action", "confirm")
	good.Set("rationale", "r")
	good.Set("reviewer", "A")
	for _, tc := range []struct {
		name   string
		form   func(url.Values)
		header map[string]string
	}{
		{"no token", func(v url.Values) { v.Del("csrf") }, nil},
		{"wrong token", func(v url.Values) { v.Set("csrf", strings.Repeat("0", 32)) }, nil},
		{"other origin", nil, map[string]string{"Origin": "http://evil.example"}},
		{"other port", nil, map[string]string{"Origin": "http://127.0.0.1:9999"}},
		{"opaque origin", nil, map[string]string{"Origin": "null"}},
		{"cross-site fetch", nil, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"same-site fetch", nil, map[string]string{"Sec-Fetch-Site": "same-site"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := url.Values{}
			for k, vs := range good {
				v[k] = append([]string(nil), vs...)
			}
			if tc.form != nil {
				tc.form(v)
			}
			req := httptest.NewRequest(http.MethodPost, "/c/XEA/f/def.acts", strings.NewReader(v.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, h := range tc.header {
				req.Header.Set(k, h)
			}
			if rec := do(t, s, req); rec.Code != http.StatusForbidden {
				t.Errorf("%d, want 403", rec.Code)
			}
			if _, err := os.Stat(filepath.Join(dir, "xea", "overrides.yaml")); err == nil {
				t.Fatal("a refused request wrote the overrides file")
			}
		})
	}
	req := httptest.NewRequest(http.MethodPost, "/c/XEA/f/def.acts", strings.NewReader(good.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://127.0.0.1:8080")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if rec := do(t, s, req); rec.Code != http.StatusSeeOther {
		t.Errorf("same-origin POST with the token: %d", rec.Code)
	}
}

func TestAccessToken(t *testing.T) {
	w := workspace.New(workspace.Config{Now: testNow})
	if _, err := New(Config{Workspace: w, Addr: "0.0.0.0:8080"}); err == nil {
		t.Fatal("a non-loopback address without a token was accepted")
	}
	if _, err := New(Config{Workspace: w, Addr: "192.168.1.5:8080"}); err == nil {
		t.Fatal("a LAN address without a token was accepted")
	}
	tok, err := NewToken()
	if err != nil || len(tok) != 32 {
		t.Fatalf("token %q %v", tok, err)
	}
	s, err := New(Config{Workspace: w, Addr: "192.168.1.5:8080", Token: tok})
	if err != nil {
		t.Fatal(err)
	}
	if s.URL() != "http://192.168.1.5:8080/?token="+tok {
		t.Errorf("URL %q", s.URL())
	}
	req := func(target, cookie string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, target, nil)
		r.Host = "192.168.1.5:8080"
		if cookie != "" {
			r.AddCookie(&http.Cookie{Name: tokenCookie, Value: cookie})
		}
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, r)
		return rec
	}
	if rec := req("/", ""); rec.Code != http.StatusUnauthorized {
		t.Errorf("no token: %d", rec.Code)
	}
	if rec := req("/?token=wrong", ""); rec.Code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", rec.Code)
	}
	if rec := req("/", "wrong"); rec.Code != http.StatusUnauthorized {
		t.Errorf("wrong cookie: %d", rec.Code)
	}
	rec := req("/c/XEA?token="+tok+"&pillar=protection", "")
	ck := rec.Header().Get("Set-Cookie")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/c/XEA?pillar=protection" ||
		!strings.Contains(ck, tokenCookie+"="+tok) || !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Strict") {
		t.Errorf("token in URL: %d %q %q", rec.Code, rec.Header().Get("Location"), ck)
	}
	if rec := req("/c/XEA?pillar=protection", tok); rec.Code != http.StatusOK {
		t.Errorf("with the cookie: %d", rec.Code)
	}
}

func TestPathTraversal(t *testing.T) {
	dir := demoCorpus(t, nil)
	secret := filepath.Join(filepath.Dir(dir), "secret.md")
	if err := os.WriteFile(secret, []byte("TOP-SECRET-CONTENT"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, dir, nil)
	for _, target := range []string{
		"/c/XEA/s/../../secret.md",
		"/c/XEA/s/..%2f..%2fsecret.md",
		"/c/XEA/s/%2e%2e/%2e%2e/secret.md",
		"/c/XEA/s/xea/..%2f..%2f..%2fsecret",
		"/c/..%2f..%2fsecret/queue",
		"/c/XEA%2f..%2f..%2f/f/def.acts",
		"/c/XEA/f/..%2f..%2fsecret.md",
		"/assets/..%2fserver.go",
		"/assets/../server.go",
		"/assets/style.css/../../server.go",
		"/c/XEA/s//etc/passwd",
		"/c/XEA/s/" + url.PathEscape(secret),
	} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.RawPath = ""
		u, err := url.Parse(target)
		if err != nil {
			t.Fatal(err)
		}
		req.URL = u
		req.RequestURI = target
		rec := do(t, s, req)
		body := rec.Body.String()
		if rec.Code == http.StatusOK || strings.Contains(body, "TOP-SECRET") || strings.Contains(body, "root:") || strings.Contains(body, "package server") {
			t.Errorf("%s: %d\n%.300s", target, rec.Code, body)
		}
	}
	// A POST naming a country outside the corpus writes nothing anywhere.
	form := url.Values{"csrf": {s.csrf}, "action": {"confirm"}, "rationale": {"r"}, "reviewer": {"A"}, "hash": {workspace.ContentHash(nil)}}
	for _, target := range []string{"/c/..%2f..%2ftmp/f/def.acts", "/c/OVERRIDES/f/def.acts"} {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form.Encode()))
		u, _ := url.Parse(target)
		req.URL, req.RequestURI = u, target
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if rec := do(t, s, req); rec.Code != http.StatusNotFound {
			t.Errorf("POST %s: %d", target, rec.Code)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 2 {
		t.Errorf("files appeared beside the corpus: %v", entries)
	}
}

func TestLimits(t *testing.T) {
	s := newServer(t, demoCorpus(t, nil), nil)
	big := url.Values{"csrf": {s.csrf}, "rationale": {strings.Repeat("x", MaxBody)}}
	if rec := post(t, s, "/c/XEA/f/def.acts", big); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d", rec.Code)
	}
	if rec := do(t, s, httptest.NewRequest(http.MethodPut, "/c/XEA/f/def.acts", nil)); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("PUT: %d", rec.Code)
	}
	hs := s.HTTPServer()
	if hs.ReadHeaderTimeout == 0 || hs.ReadTimeout == 0 || hs.WriteTimeout == 0 || hs.IdleTimeout == 0 || hs.MaxHeaderBytes == 0 {
		t.Errorf("unbounded server: %+v", hs)
	}
	// a browser posts "Origin: null" under no-referrer, which sameOrigin refuses
	if p := get(t, s, "/").Header().Get("Referrer-Policy"); p != "same-origin" {
		t.Errorf("Referrer-Policy %q", p)
	}
	if rec := get(t, s, "/assets/style.css"); rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Type"), "text/css") {
		t.Errorf("style.css: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}
