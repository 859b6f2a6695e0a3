package penalty

import (
	"math"
	"strconv"
)

// FormatTerm writes a term given in months as a reader states it: whole
// years, then the months left, then the days left ("30 years", "2 years 6
// months", "6 months", "30 days"; a part of a month is written in days, a
// month being 365.25/12 days, as the parser counts them). It returns "0"
// for zero or less.
func FormatTerm(months float64) string {
	if months <= 0 || math.IsNaN(months) {
		return "0"
	}
	if math.IsInf(months, 1) {
		return "no limit"
	}
	// terms are stored rounded to two decimals: 0.005 is noise, not a day
	whole := math.Floor(months + 0.005)
	days := max(0, int(math.Round((months-whole)*365.25/12)))
	n := int(whole)
	y, mo := n/12, n%12
	out := ""
	add := func(k int, w string) {
		if k == 0 {
			return
		}
		if out != "" {
			out += " "
		}
		out += strconv.Itoa(k) + " " + w
		if k != 1 {
			out += "s"
		}
	}
	add(y, "year")
	add(mo, "month")
	add(days, "day")
	if out == "" {
		return "0"
	}
	return out
}
