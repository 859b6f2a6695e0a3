package statute

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuotedBlocks bounds how far a quoted passage is looked for: the text
// one amending provision inserts is a few articles, not a code.
const maxQuotedBlocks = 400

// markQuotedPassages marks as quoted the blocks of each passage that an
// amending provision inserts into another law in quotation marks rather
// than a block quote:
//
//	Modifícase el artículo 153 …, que quedará redactado en los términos siguientes:
//
//	“Artículo 153.- Trata de personas
//
//	1. El agente …
//
//	2. La víctima ….”
//
// A passage opens with a paragraph that starts with an opening quotation
// mark right after text ending in a colon, and closes with the first
// paragraph that ends with a closing one (editorial marks such as "(*)"
// aside), before any heading. Its markers and article lines are text of the
// amending provision, not sub-provisions of it. A definition ('"child"
// means …') opens no passage. It reports whether any passage was found.
func markQuotedPassages(blocks []block) bool {
	found := false
	for i := 1; i < len(blocks); i++ {
		b, prev := &blocks[i], &blocks[i-1]
		if b.heading != 0 || b.quoted || prev.heading != 0 || prev.quoted || !opensQuote(b.text) || !endsWithColon(prev.text) || closesQuote(b.text) {
			continue
		}
		if _, ok := definedTerm(b.text); ok {
			continue
		}
		end := -1
		for j := i + 1; j < len(blocks) && j-i <= maxQuotedBlocks; j++ {
			c := &blocks[j]
			if c.heading > 0 && c.heading < boldHeadingLevel || c.quoted {
				break
			}
			if closesQuote(c.text) {
				end = j
				break
			}
		}
		if end < 0 {
			continue
		}
		for j := i; j <= end; j++ {
			blocks[j].quoted = true
		}
		found = true
		i = end
	}
	return found
}

// opensQuote reports text that opens with an opening quotation mark
// followed by text.
func opensQuote(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	switch r {
	case '“', '„', '«', '"':
		next, _ := utf8.DecodeRuneInString(t[n:])
		return n < len(t) && !unicode.IsSpace(next)
	}
	return false
}

// closesQuote reports text that ends with a closing quotation mark,
// followed at most by punctuation and editorial marks ("…”.", "…”(*)").
func closesQuote(t string) bool {
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	for {
		s := strings.TrimRight(t, ".;, ")
		for _, m := range []string{"(*)", "(**)", "(***)"} {
			s = strings.TrimSuffix(s, m)
		}
		if s == t {
			break
		}
		t = s
	}
	r, n := utf8.DecodeLastRuneInString(t)
	switch r {
	case '”', '»':
		return true
	case '"', '“':
		// ('“' closes the German „…“; either mark after a space opens)
		before, _ := utf8.DecodeLastRuneInString(t[:len(t)-n])
		return len(t) > n && !unicode.IsSpace(before)
	}
	return false
}

// endsWithColon reports text that announces what follows: "… in the
// following terms:", "… substituted therefor:—".
func endsWithColon(t string) bool {
	t = strings.TrimRight(t, " \t-–—")
	return strings.HasSuffix(t, ":")
}

// aliasEarlier records, for a file with quoted passages, the IDs the scheme
// before them gave (the passage's markers were sub-provisions: "art1(2)",
// "art1(2)~2") as aliases of the provision that now holds their line, so
// that overrides, stored runs and gold files citing them still resolve.
func (p *parse) aliasEarlier(src []byte) {
	q := &parse{st: &Statute{Path: p.st.Path}, errs: &ErrorList{}, earlier: true}
	q.run(src)
	st := p.st
	add := func(old, now ProvisionID) {
		if st.byID[old] != nil || st.byID[now] == nil {
			return
		}
		if _, ok := st.Aliases[old]; ok {
			return
		}
		if st.Aliases == nil {
			st.Aliases = map[ProvisionID]ProvisionID{}
		}
		st.Aliases[old] = now
	}
	for _, o := range q.st.All {
		if st.byID[o.ID] != nil {
			continue
		}
		if n := provisionAt(st.All, o.Line); n != nil {
			add(o.ID, n.ID)
		}
	}
	// the earlier scheme's own aliases follow their provision
	for old, mid := range q.st.Aliases {
		if st.byID[mid] != nil {
			add(old, mid)
		} else if now, ok := st.Aliases[mid]; ok {
			add(old, now)
		}
	}
}

// provisionAt returns the deepest provision of all (in document order)
// whose lines hold line, or nil.
func provisionAt(all []*Provision, line int) *Provision {
	var best *Provision
	for _, n := range all {
		if n.Line > line {
			break
		}
		if n.EndLine >= line {
			best = n
		}
	}
	return best
}
