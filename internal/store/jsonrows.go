package store

import (
	"strconv"
	"unicode/utf8"
)

// The rows IndexVersions writes are encoded by hand: encoding/json's
// reflection over [6]any rows cost a tenth of the parse and
// classification of each version indexed. The output is byte for byte
// marshalJSON's (json.Encoder without HTML escaping; TestJSONRowsAsEncoding
// checks it).

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string, as encoding/json writes it
// without HTML escaping: invalid UTF-8 becomes U+FFFD, U+2028 and U+2029
// are escaped (JavaScript reads them as line ends).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendProvisionRow appends one row of provisionsJSON: [id, heading,
// text, line, end line, repealed].
func appendProvisionRow(b []byte, id, heading, text string, line, end int, repealed bool) []byte {
	b = append(b, '[')
	b = appendJSONString(b, id)
	b = append(b, ',')
	b = appendJSONString(b, heading)
	b = append(b, ',')
	b = appendJSONString(b, text)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(end), 10)
	if repealed {
		b = append(b, ",1]"...)
	} else {
		b = append(b, ",0]"...)
	}
	return b
}
