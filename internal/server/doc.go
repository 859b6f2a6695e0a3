// Package server is the reviewer's workbench behind `lacuna serve`: a
// local web application where a lawyer reads each finding beside the law
// it quotes and confirms or overrides it. Pages are rendered on the server
// with html/template and work with JavaScript off; the stylesheet and one
// small script are embedded (no CDN, works offline).
//
// Pages: the countries (/), a country's findings (/c/{country}, filterable),
// its review queue (/c/{country}/queue) and next unreviewed finding
// (/c/{country}/next), a finding (/c/{country}/f/{requirement}; POST
// records a decision), a statute (/c/{country}/s/{statute-id}), a diff of
// two of its versions (/c/{country}/diff/{statute-id}) and the
// decisions as gold labels (/export/gold.yaml). Every ID in a URL or form
// is resolved against the loaded corpus and map; no request names a file.
//
// Security: the caller listens on loopback unless told otherwise; any
// other address needs an access token (Config.Token), given once in the
// printed URL and then kept in a cookie. Requests whose Host is not the
// listening address or a configured name are refused (DNS rebinding);
// every POST carries a CSRF token; responses carry a Content-Security-Policy
// without inline script; request bodies and times are bounded.
//
// It imports internal/workspace (the application layer), internal/score,
// internal/standard and internal/statute, never cmd/. It opens no path
// itself: decisions are written through workspace.RecordDecision.
package server
