package server

import (
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// Limits on requests.
const (
	MaxBody           = 64 << 10 // bytes of a POST body
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 15 * time.Second
	WriteTimeout      = 60 * time.Second // an analysis of a large country fits
	IdleTimeout       = 2 * time.Minute
	MaxHeaderBytes    = 32 << 10
)

// Config is what a Server is built from.
type Config struct {
	Workspace *workspace.Workspace
	// Addr is the host:port the server listens on; requests must name it
	// (or one of Hosts) in their Host header.
	Addr string
	// Hosts are further names the server may be reached by ("lacuna.lan"
	// or "lacuna.lan:8080").
	Hosts []string
	// Token, when set, must be presented by every request (once in the
	// URL, then in a cookie). Required for a non-loopback Addr.
	Token string
	// Reviewer is the name the decision form is filled in with.
	Reviewer string
}

// Server serves the workbench. Its handler may be used concurrently.
type Server struct {
	cfg   Config
	w     *workspace.Workspace
	csrf  string
	hosts map[string]bool
	pages map[string]*template.Template
	mux   *http.ServeMux

	mu    sync.Mutex
	cache map[string]*country // country code -> last analysis

	textsOnce sync.Once
	texts     map[standard.InstrumentID]*standard.Text // instrument texts, read once
}

// NewToken returns a random token (32 hex digits).
func NewToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random token: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// IsLoopback reports whether addr (host:port) listens on a loopback
// address only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// New checks cfg and builds a Server. A non-loopback address without a
// token is refused.
func New(cfg Config) (*Server, error) {
	if cfg.Workspace == nil {
		return nil, fmt.Errorf("server: no workspace")
	}
	host, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("address %q: %v, expected host:port", cfg.Addr, err)
	}
	if !IsLoopback(cfg.Addr) && cfg.Token == "" {
		return nil, fmt.Errorf("address %q is not a loopback address, expected an access token", cfg.Addr)
	}
	csrf, err := NewToken()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, w: cfg.Workspace, csrf: csrf, hosts: map[string]bool{}, cache: map[string]*country{}}
	s.allowHost(host, port)
	if IsLoopback(cfg.Addr) {
		for _, h := range []string{"localhost", "127.0.0.1", "::1"} {
			s.allowHost(h, port)
		}
	}
	for _, h := range cfg.Hosts {
		if hh, p, err := net.SplitHostPort(h); err == nil {
			s.allowHost(hh, p)
		} else {
			s.allowHost(h, port)
		}
	}
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func (s *Server) allowHost(host, port string) {
	host = strings.ToLower(strings.Trim(host, "[]"))
	s.hosts[net.JoinHostPort(host, port)] = true
	if port == "80" {
		s.hosts[host] = true
	}
}

// URL is the address to open, with the access token when one is needed.
func (s *Server) URL() string {
	u := "http://" + s.cfg.Addr + "/"
	if s.cfg.Token != "" {
		u += "?token=" + url.QueryEscape(s.cfg.Token)
	}
	return u
}

// HTTPServer is an http.Server for the handler with the package's time
// and size limits.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{Addr: s.cfg.Addr, Handler: s.Handler(), ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout: ReadTimeout, WriteTimeout: WriteTimeout, IdleTimeout: IdleTimeout, MaxHeaderBytes: MaxHeaderBytes}
}

// CSP is the Content-Security-Policy of every response: only the
// server's own stylesheet and script, no inline script, no framing, forms
// posted only to the server.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

const tokenCookie = "lacuna_token"

// Handler is the workbench with its security checks: headers, Host,
// access token, CSRF, body size.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		h := rw.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// same-origin, not no-referrer: with no-referrer a browser sends "Origin: null"
		// on form posts, which sameOrigin must refuse
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		if !s.hosts[strings.ToLower(r.Host)] {
			http.Error(rw, "unknown host "+fmt.Sprintf("%q", r.Host)+": this workbench answers only to its own address", http.StatusMisdirectedRequest)
			return
		}
		if s.cfg.Token != "" {
			if t := r.URL.Query().Get("token"); t != "" && r.Method == http.MethodGet && equal(t, s.cfg.Token) {
				http.SetCookie(rw, &http.Cookie{Name: tokenCookie, Value: s.cfg.Token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
				q := r.URL.Query()
				q.Del("token")
				u := *r.URL
				u.RawQuery = q.Encode()
				http.Redirect(rw, r, u.RequestURI(), http.StatusSeeOther)
				return
			}
			c, err := r.Cookie(tokenCookie)
			if err != nil || !equal(c.Value, s.cfg.Token) {
				http.Error(rw, "access token required: open the URL lacuna serve printed", http.StatusUnauthorized)
				return
			}
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead:
		case http.MethodPost:
			if !s.sameOrigin(r) {
				http.Error(rw, "cross-site request refused", http.StatusForbidden)
				return
			}
			r.Body = http.MaxBytesReader(rw, r.Body, MaxBody)
			if err := r.ParseForm(); err != nil {
				http.Error(rw, "request body too large or malformed", http.StatusRequestEntityTooLarge)
				return
			}
			if !equal(r.PostForm.Get("csrf"), s.csrf) {
				http.Error(rw, "missing or wrong CSRF token: reload the page and submit again", http.StatusForbidden)
				return
			}
		default:
			rw.Header().Set("Allow", "GET, HEAD, POST")
			http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		s.mux.ServeHTTP(rw, r)
	})
}

// sameOrigin refuses a POST that a browser says comes from another site.
func (s *Server) sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || !s.hosts[strings.ToLower(u.Host)] {
			return false
		}
	}
	return true
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

func (s *Server) routes() {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assetFS, "assets")
	files := http.FileServer(http.FS(static))
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "style.css" && r.URL.Path != "keys.js" {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Cache-Control", "max-age=300")
		files.ServeHTTP(rw, r)
	})))
	mux.HandleFunc("GET /{$}", s.countries)
	mux.HandleFunc("GET /c/{cc}", s.countryPage)
	mux.HandleFunc("GET /c/{cc}/queue", s.queuePage)
	mux.HandleFunc("GET /c/{cc}/next", s.nextPage)
	mux.HandleFunc("GET /c/{cc}/f/{req}", s.findingPage)
	mux.HandleFunc("POST /c/{cc}/f/{req}", s.decide)
	mux.HandleFunc("GET /c/{cc}/s/{id...}", s.statutePage)
	mux.HandleFunc("GET /c/{cc}/diff/{id...}", s.diffPage)
	mux.HandleFunc("GET /export/gold.yaml", s.exportGold)
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		s.fail(rw, http.StatusNotFound, "Not found", "There is no page at this address.")
	})
	s.mux = mux
}
