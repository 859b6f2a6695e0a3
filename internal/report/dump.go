package report

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// Dump writes a plain-text dump of the briefing, one "path: value" line per
// field, in declaration order: the golden-file form of the model. Empty
// strings, zero numbers and false booleans are left out to keep it short.
func Dump(w io.Writer, b *Briefing) error {
	var sb strings.Builder
	dumpValue(&sb, "", reflect.ValueOf(b).Elem())
	_, err := io.WriteString(w, sb.String())
	return err
}

func dumpValue(sb *strings.Builder, path string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			dumpValue(sb, path, v.Elem())
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if !t.Field(i).IsExported() {
				continue // the pack's locale: its language is Lang
			}
			p := t.Field(i).Name
			if path != "" {
				p = path + "." + p
			}
			dumpValue(sb, p, v.Field(i))
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			dumpValue(sb, fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	case reflect.String:
		if s := v.String(); s != "" {
			fmt.Fprintf(sb, "%s: %s\n", path, strconv.Quote(s))
		}
	case reflect.Bool:
		if v.Bool() {
			fmt.Fprintf(sb, "%s: true\n", path)
		}
	case reflect.Int:
		if v.Int() != 0 {
			fmt.Fprintf(sb, "%s: %d\n", path, v.Int())
		}
	case reflect.Float64:
		if v.Float() != 0 {
			fmt.Fprintf(sb, "%s: %s\n", path, strconv.FormatFloat(v.Float(), 'f', -1, 64))
		}
	}
}
