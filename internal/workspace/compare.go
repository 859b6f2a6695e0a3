package workspace

import (
	"fmt"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
)

// AnalyzeCountries analyses each country of the corpus, in the order
// given, at its latest versions or those in force at asOf, with m compiled
// once and no overrides (machine verdicts, for comparing countries). A
// country not in the corpus, or with nothing in force at asOf, is an
// *InputError.
func (w *Workspace) AnalyzeCountries(m *standard.Map, countries []string, asOf string) ([]*score.Result, error) {
	c, err := w.CorpusOf(countries, asOf)
	if err != nil {
		return nil, err
	}
	e, err := score.Compile(m)
	if err != nil {
		return nil, inputErr(err)
	}
	var out []*score.Result
	for _, country := range countries {
		cc := c.Country(country)
		if len(cc.Statutes) == 0 {
			return nil, inputErr(fmt.Errorf("no statutes for country %q in the corpus, expected one of: %s", country, strings.Join(c.Countries(), ", ")))
		}
		res, err := e.Analyze(cc, score.Options{Country: country, AsOf: asOf, LacunaVersion: w.cfg.ToolVersion})
		if err != nil {
			return nil, inputErr(err)
		}
		if len(res.Statutes) == 0 {
			return nil, inputErr(fmt.Errorf("no statutes of %s in force on %s", country, asOf))
		}
		out = append(out, res)
	}
	return out, nil
}
