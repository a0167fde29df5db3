package exports

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/shared"
)

// Languages an export can be written in (the interface languages).
var Languages = []string{"fi", "sv", "en"}

// Lang checks a requested language; "" is Finnish.
func Lang(v string) (string, error) {
	if v == "" {
		return "fi", nil
	}
	for _, l := range Languages {
		if v == l {
			return v, nil
		}
	}
	return "", apperr.Invalid("lang", "lang is one of fi, sv, en")
}

// Labels are the texts of one language, read from the client's catalogs (shared/i18n), so an
// export says "Käynnissä" exactly where the interface does.
type Labels struct {
	Lang string
	flat map[string]string
}

var (
	catalogsOnce sync.Once
	catalogs     map[string]*Labels
	catalogsErr  error
)

// LabelsFor returns the labels of a language (fi, sv or en).
func LabelsFor(lang string) (*Labels, error) {
	catalogsOnce.Do(func() {
		catalogs = map[string]*Labels{}
		for _, l := range Languages {
			b, err := fs.ReadFile(shared.I18n, "i18n/"+l+".json")
			if err != nil {
				catalogsErr = err
				return
			}
			var tree map[string]any
			if err := json.Unmarshal(b, &tree); err != nil {
				catalogsErr = fmt.Errorf("i18n/%s.json: %w", l, err)
				return
			}
			lb := &Labels{Lang: l, flat: map[string]string{}}
			flatten("", tree, lb.flat)
			catalogs[l] = lb
		}
	})
	if catalogsErr != nil {
		return nil, apperr.Wrap(catalogsErr, "read the interface catalogs")
	}
	lb, ok := catalogs[lang]
	if !ok {
		return nil, apperr.Invalid("lang", "lang is one of fi, sv, en")
	}
	return lb, nil
}

func flatten(prefix string, v any, out map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			flatten(prefix+k+".", c, out)
		}
	case string:
		out[strings.TrimSuffix(prefix, ".")] = x
	}
}

// T returns the text of a key with {{name}} placeholders filled from pairs (name, value, ...);
// a missing key gives the key itself, as i18next does.
func (l *Labels) T(key string, pairs ...string) string {
	s, ok := l.flat[key]
	if !ok {
		return key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{{"+pairs[i]+"}}", pairs[i+1])
	}
	return s
}
