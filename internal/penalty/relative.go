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

// findRelative returns the relative sanctions of toks as statements.
func (lx *Lexicon) findRelative(toks []token) ([]stmt, []string) {
	var out []stmt
	var kinds []string
	for k := 0; k < len(toks); k++ {
		if toks[k].kind != tWord || toks[k].lf&fRelHead == 0 {
			continue
		}
		if n, v := lx.relative.at(toks, k, len(toks)); n > 0 {
			out = append(out, stmt{cs: k, ce: k + n})
			kinds = append(kinds, relKinds[v].kind)
			k += n - 1
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
