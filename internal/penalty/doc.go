// Package penalty extracts penalty facts from offence text: imprisonment
// minimum and maximum in months (years, months, weeks; digits or words in
// English, French, German and Spanish), life imprisonment, fines with amount
// and currency, whether a fine can replace imprisonment, and aggravated
// variants. It is pure: text in, typed facts out. It imports nothing from
// this module.
package penalty
