package workspace

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// EncodeResult writes res as the JSON of `lacuna analyze --format json`
// (two-space indent, no HTML escaping): the form results are stored and
// reused in.
func EncodeResult(w io.Writer, res *score.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

func resultJSON(res *score.Result) ([]byte, error) {
	var buf bytes.Buffer
	if err := EncodeResult(&buf, res); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// MapHash hashes the whole map (requirements, instruments, ratifications,
// version) as loaded, so that editing a requirement file changes it; ""
// when it cannot be encoded (then nothing is reused).
func MapHash(m *standard.Map) string {
	b, err := json.Marshal(m)
	if err != nil {
		return "" // no cache key: never reuse
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// KeyInput is what determines a country's result.
type KeyInput struct {
	MapVersion, MapHash string
	Country, AsOf       string
	SHAs                []string         // sorted content hashes of the versions selected
	Overrides           []score.Override // the reviewers' decisions, if any
	Today               string           // matters only with overrides (expiry)
	Options             map[string]string
}

// analyzeOptions are the options of every cached analysis: analyze,
// analyze --all and brief share their stored results.
func analyzeOptions() map[string]string { return map[string]string{"command": "analyze"} }

// InputKey is the key a run is stored and reused under: sha256 over the
// tool version and build, the map (version and content hash), country,
// as_of, the content hashes of the statute versions selected, the
// overrides and the options. It is computed before anything is parsed. An
// empty map hash gives no key ("").
func (w *Workspace) InputKey(k KeyInput) string {
	if k.MapHash == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "lacuna-input-key 1\ntool %s %s\nmap %s %s\ncountry %s\nas_of %s\n", w.cfg.ToolVersion, w.toolBuild(), k.MapVersion, k.MapHash, k.Country, k.AsOf)
	for _, s := range k.SHAs {
		fmt.Fprintf(h, "statute %s\n", s)
	}
	if len(k.Overrides) > 0 {
		b, err := json.Marshal(k.Overrides)
		if err != nil {
			return ""
		}
		fmt.Fprintf(h, "overrides %x today %s\n", sha256.Sum256(b), k.Today)
	}
	keys := make([]string, 0, len(k.Options))
	for o := range k.Options {
		keys = append(keys, o)
	}
	sort.Strings(keys)
	for _, o := range keys {
		fmt.Fprintf(h, "option %s=%s\n", o, k.Options[o])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// runKey hashes what determines a result, for a run saved without an
// input key: tool and map versions, the statute versions, the options and
// the reviewers' overrides.
func runKey(res *score.Result, shas []string, opts map[string]string) string {
	h := sha256.New()
	fmt.Fprintf(h, "lacuna %s\nmap %s\ncountry %s\nas_of %s\n", res.LacunaVersion, res.MappingVersion, res.Country, res.AsOf)
	for _, s := range shas {
		fmt.Fprintf(h, "statute %s\n", s)
	}
	keys := make([]string, 0, len(opts))
	for k := range opts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "option %s=%s\n", k, opts[k])
	}
	for _, o := range res.Overrides {
		fmt.Fprintf(h, "override %s %s %s %s %s %v\n", o.Requirement, o.Verdict, o.Reviewer, o.Date, o.Expires, o.Expired)
		// what a decision was made on decides whether it still applies
		if o.Decision != "" || o.MachineVerdict != "" || len(o.Statutes) > 0 || o.EvidenceSHA256 != "" || len(o.History) > 0 {
			fmt.Fprintf(h, "decision %s %s %q %s %d\n", o.Decision, o.MachineVerdict, o.Statutes, o.EvidenceSHA256, len(o.History))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func shasOf(sts []*statute.Statute) []string {
	out := make([]string, len(sts))
	for i, st := range sts {
		out[i] = st.SHA256
	}
	sort.Strings(out)
	return out
}

// AnalysedStatutes returns the statutes of c that res analysed (by
// content hash), in res's order.
func AnalysedStatutes(res *score.Result, c *statute.Corpus) []*statute.Statute {
	by := map[string]*statute.Statute{}
	for _, st := range c.Statutes {
		by[st.SHA256] = st
	}
	var out []*statute.Statute
	for _, ref := range res.Statutes {
		if st := by[ref.SHA256]; st != nil {
			out = append(out, st)
		}
	}
	return out
}
