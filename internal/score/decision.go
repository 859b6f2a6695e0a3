package score

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// EvidenceHash is the hex SHA-256 of the text a finding quotes: statute,
// provision and quoted bytes of each evidence item, in order. A reviewer's
// decision records it, so a later change of the quoted law is seen.
func EvidenceHash(f *Finding) string {
	h := sha256.New()
	for _, e := range f.Evidence {
		fmt.Fprintf(h, "%s\x00%s\x00%s\n", e.Statute, e.Provision, e.Quote)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DecisionStatutes are the statute versions a decision on f is made on,
// as "id@version_date", sorted as res lists them: those f quotes, or every
// statute analysed when it quotes none (a gap is a reading of the whole
// law).
func DecisionStatutes(res *Result, f *Finding) []string {
	quoted := map[string]bool{}
	for _, e := range f.Evidence {
		quoted[e.Statute] = true
	}
	var out []string
	for _, s := range res.Statutes {
		if len(quoted) == 0 || quoted[s.ID] {
			out = append(out, s.ID+"@"+s.VersionDate)
		}
	}
	return out
}

// staleness lists why decision o, made on what it records, no longer fits
// finding f of an analysis of statutes: another machine verdict, another
// version of a statute read, other quoted text. Fields a hand-written
// decision leaves empty are not checked.
func staleness(o *Override, f *Finding, statutes []StatuteRef) []string {
	var why []string
	if o.MachineVerdict != "" && o.MachineVerdict != f.MachineVerdict {
		why = append(why, fmt.Sprintf("the machine verdict is now %s (decided on %s)", f.MachineVerdict, o.MachineVerdict))
	}
	cur := map[string]string{}
	for _, s := range statutes {
		cur[s.ID] = s.VersionDate
	}
	for _, sv := range o.Statutes {
		id, ver, _ := strings.Cut(sv, "@")
		now, ok := cur[id]
		switch {
		case !ok:
			why = append(why, fmt.Sprintf("statute %s is no longer analysed", id))
		case now != ver:
			why = append(why, fmt.Sprintf("statute %s is now version %s (decided on %s)", id, now, ver))
		}
	}
	if o.EvidenceSHA256 != "" && o.EvidenceSHA256 != EvidenceHash(f) {
		why = append(why, "the quoted text changed")
	}
	return why
}
