package match

import (
	"github.com/lacuna-project/lacuna/internal/index"
)

// Trafficking words name trafficking in persons only when their object is a
// person. "Drug trafficking", "trafficking of drugs", "illicit trafficking",
// "trafic de stupéfiants", "tráfico de armas" deal in goods; "trafic
// d'influence" is influence peddling; "trafic de migrants", "tráfico de
// personas" and "tráfico ilícito de migrantes" are migrant smuggling, which
// the instruments keep apart from trafficking ("trata", "traite").
var (
// trafficLink: words between a trafficking word and its object.
)

// traffickSpans returns the trafficking words of toks that speak of
// trafficking in persons (see the class traffic-goods).
func traffickSpans(cu *cues, toks []index.Token) []index.Span {
	var out []index.Span
	for _, sp := range cu.TraffickTerms.Find(toks) {
		if cu.all.AmbiguousTraffick[toks[sp.I].Word] && !frenchTraite(cu, toks, sp.I) {
			continue
		}
		if cu.PersonTraffic.Any(toks[sp.I:min(len(toks), sp.J+2)]) {
			out = append(out, sp)
			continue
		}
		if goodsQualified(cu, toks, sp) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// goodsQualified reports whether a trafficking word is qualified as trade
// in goods or migrant smuggling: by the word before it ("drug trafficking",
// "illicit trafficking") or by its object ("trafficking of drugs",
// "trafic illicite de stupéfiants").
func goodsQualified(cu *cues, toks []index.Token, sp index.Span) bool {
	if sp.I > 0 && cu.GoodsTraffic.Any(toks[sp.I-1:sp.I]) {
		return true
	}
	// one noun coordinated with the trafficking word is passed over: "le
	// trafic ou la vente de stupéfiants", "trafficking or sale of drugs"
	coordinated := false
	for k, end := sp.J, sp.J+4; k < len(toks) && k < end; k++ {
		if cu.GoodsTraffic.Any(toks[k : k+1]) {
			return true
		}
		if cu.TrafficLink[toks[k].Word] {
			continue
		}
		if coordinated || !conjunctionBefore(cu, toks, sp.J, k) {
			return false
		}
		coordinated, end = true, k+4
	}
	return false
}

// conjunctionBefore reports whether a conjunction stands between i and k
// with only link words after it ("ou la" before "vente").
func conjunctionBefore(cu *cues, toks []index.Token, i, k int) bool {
	for j := k - 1; j >= i; j-- {
		if cu.Conjunction[toks[j].Word] {
			return true
		}
		if !cu.TrafficLink[toks[j].Word] {
			return false
		}
	}
	return false
}

// traffickIn reports whether toks speak of trafficking in persons.
func traffickIn(cu *cues, toks []index.Token) bool {
	return cu.TraffickTerms.Any(toks) && len(traffickSpans(cu, toks)) > 0
}

// hasTraffick is traffickIn for an indexed segment, memoised.
func hasTraffick(s *index.Segment) bool {
	cu := cuesFor(s)
	if !s.Has(cu.TraffickTerms) {
		return false
	}
	ix := s.Index()
	if ix == nil {
		return len(traffickSpans(cu, s.Toks)) > 0
	}
	memo := ix.SegMemo("traffick-person")
	if memo[s.Ord] == 0 {
		memo[s.Ord] = 1
		if len(traffickSpans(cu, s.Toks)) > 0 {
			memo[s.Ord] = 2
		}
	}
	return memo[s.Ord] == 2
}

// otherTraffic reports whether a hit on a trafficking word of the map
// ("traffics", "traffick*", "traite") speaks of trade in goods, migrant
// smuggling (see the class traffic-goods) or a treaty (see frenchTraite), so it is no
// evidence of trafficking in persons.
func otherTraffic(h Hit) bool {
	cu := cuesFor(h.Seg)
	s := h.Seg
	if h.I >= len(s.Toks) || h.J > len(s.Toks) {
		return false
	}
	if cu.all.AmbiguousTraffick[s.Toks[h.I].Word] {
		return !frenchTraite(cu, s.Toks, h.I)
	}
	if !cu.all.TrafficWord.Any(s.Toks[h.I : h.I+1]) {
		return false
	}
	if cu.PersonTraffic.Any(s.Toks[h.I:min(len(s.Toks), h.J+2)]) {
		return false
	}
	return goodsQualified(cu, s.Toks, index.Span{I: h.I, J: h.J})
}

// frenchTraite tells French "la traite" (trafficking) from "le traité"
// (a treaty) and "est traité" (is treated), which fold alike: trafficking
// is feminine ("la traite", "de traite", "contre la traite") or names its
// victims ("traite des êtres humains", "traite de personnes").
func frenchTraite(cu *cues, toks []index.Token, i int) bool {
	if i > 0 {
		if cu.all.TraiteDet[toks[i-1].Word] {
			return true
		}
	}
	return i+1 < len(toks) && cu.TraiteObject.Any(toks[i+1:min(len(toks), i+4)])
}
