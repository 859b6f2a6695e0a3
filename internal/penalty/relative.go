package penalty

// Relative penalty values.
const (
	RelHigherDegree = "higher_degree"          // Spain: "pena superior en grado"
	RelUpperHalf    = "upper_half"             // Spain: "en su mitad superior"
	RelLowerDegree  = "lower_degree"           // Spain: "pena inferior en uno o dos grados"
	RelThirdToHalf  = "increase_third_to_half" // Uruguay: "se incrementarán de un tercio a la mitad"
	RelDouble       = "double"                 // "twice the punishment", "portées au double"
	RelHalf         = "half"                   // "réduite de moitié"
	RelAdditional   = "additional"             // "an additional two years of imprisonment"
)

// relativeAt recognises a relative sanction starting at toks[k] and
// returns its kind and the index after its words.
func relativeAt(toks []token, k int) (string, int) {
	at := func(i int, ws ...string) bool {
		if i+len(ws) > len(toks) {
			return false
		}
		for j, w := range ws {
			if toks[i+j].s != w {
				return false
			}
		}
		return true
	}
	switch toks[k].s {
	case "superior":
		if at(k, "superior", "en", "grado") {
			return RelHigherDegree, k + 3
		}
	case "mitad":
		if at(k, "mitad", "superior") {
			return RelUpperHalf, k + 2
		}
	case "inferior":
		if at(k, "inferior", "en", "grado") {
			return RelLowerDegree, k + 3
		}
		for _, n := range []string{"uno", "un", "dos"} {
			if at(k, "inferior", "en", n) {
				e := k + 3
				for e < len(toks) && e < k+7 && toks[e].s != "grado" && toks[e].s != "grados" {
					e++
				}
				if e < len(toks) && (toks[e].s == "grado" || toks[e].s == "grados") {
					return RelLowerDegree, e + 1
				}
			}
		}
	case "incrementaran", "incrementara", "aumentaran", "aumentara", "elevaran", "elevara", "agravaran", "agravara":
		if at(k+1, "de", "un", "tercio", "a", "la", "mitad") {
			return RelThirdToHalf, k + 7
		}
	case "twice", "double":
		if at(k+1, "the", "punishment") || at(k+1, "the", "penalty") || at(k+1, "the", "maximum") {
			return RelDouble, k + 3
		}
	case "reduite", "reduites":
		if at(k+1, "de", "moitie") {
			return RelHalf, k + 3
		}
	case "portees", "portee":
		if at(k+1, "au", "double") {
			return RelDouble, k + 3
		}
	}
	return "", k
}

// findRelative returns the relative sanctions of toks as statements.
func findRelative(toks []token) ([]stmt, []string) {
	var out []stmt
	var kinds []string
	for k := 0; k < len(toks); k++ {
		if toks[k].kind != tWord {
			continue
		}
		if rel, e := relativeAt(toks, k); rel != "" {
			out = append(out, stmt{cs: k, ce: e})
			kinds = append(kinds, rel)
			k = e - 1
		}
	}
	return out, kinds
}

// ResolveRelative computes the terms of a relative sanction rel from the
// base sanction it refers to, by the rules the codes using that wording
// apply: a higher degree runs from the base maximum to half as much again
// (Spanish Código Penal art. 70.1.1ª); the upper half from the middle of
// the base range to its maximum; a lower degree from half the base minimum
// to the base minimum (art. 70.1.2ª); "de un tercio a la mitad" raises the
// minimum by a third and the maximum by half; double and half scale both
// bounds; an additional term is added to the base maximum. Life
// imprisonment carries over. It reports false when rel is not
// relative or the base lacks the bounds the rule needs.
func ResolveRelative(rel, base Penalty) (Penalty, bool) {
	out := rel
	bmin, bmax := base.MinMonths, base.MaxMonths
	switch rel.Relative {
	case RelHigherDegree:
		if bmax == nil {
			return rel, false
		}
		out.MinMonths, out.MaxMonths = fp(*bmax), fp(round2(*bmax*1.5))
	case RelUpperHalf:
		if bmin == nil || bmax == nil {
			return rel, false
		}
		out.MinMonths, out.MaxMonths = fp(round2((*bmin+*bmax)/2)), fp(*bmax)
	case RelLowerDegree:
		if bmin == nil {
			return rel, false
		}
		out.MinMonths, out.MaxMonths = fp(round2(*bmin/2)), fp(*bmin)
	case RelThirdToHalf:
		if bmin == nil && bmax == nil {
			return rel, false
		}
		if bmin != nil {
			out.MinMonths = fp(round2(*bmin * 4 / 3))
		}
		if bmax != nil {
			out.MaxMonths = fp(round2(*bmax * 1.5))
		}
	case RelAdditional:
		if bmax == nil || rel.AddedMonths == nil {
			return rel, false
		}
		out.MinMonths, out.MaxMonths = bmin, fp(round2(*bmax+*rel.AddedMonths))
	case RelDouble, RelHalf:
		f := 2.0
		if rel.Relative == RelHalf {
			f = 0.5
		}
		if bmin == nil && bmax == nil {
			return rel, false
		}
		if bmin != nil {
			out.MinMonths = fp(round2(*bmin * f))
		}
		if bmax != nil {
			out.MaxMonths = fp(round2(*bmax * f))
		}
	default:
		return rel, false
	}
	out.Life = out.Life || base.Life
	return out, true
}
