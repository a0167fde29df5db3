package e2e

import (
	"encoding/json"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/shared"
)

type openAPI struct {
	Paths      map[string]map[string]yaml.Node `yaml:"paths"`
	Components struct {
		Schemas map[string]struct {
			Enum []string `yaml:"enum"`
		} `yaml:"schemas"`
	} `yaml:"components"`
}

type operation struct {
	RequestBody *struct{} `yaml:"requestBody"`
}

// operation returns the operation of "METHOD /path"; ok is false when it is not documented.
func (d openAPI) operation(method, path string) (operation, bool) {
	n, ok := d.Paths[path][strings.ToLower(method)]
	var op operation
	if ok {
		_ = n.Decode(&op)
	}
	return op, ok
}

func loadOpenAPI(t *testing.T) openAPI {
	t.Helper()
	var doc openAPI
	if err := yaml.Unmarshal(shared.OpenAPI, &doc); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	return doc
}

// documented lists "METHOD /path" of every operation in the document.
func (d openAPI) documented() []string {
	var out []string
	for path, ops := range d.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			out = append(out, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(out)
	return out
}

func TestEveryRouteIsDocumentedAndEveryDocumentedRouteExists(t *testing.T) {
	e := start(t)
	var served []string
	for _, r := range e.app.Routes() {
		served = append(served, r.Method+" "+r.Path)
	}
	sort.Strings(served)
	served = slices.Compact(served)
	documented := loadOpenAPI(t).documented()
	for _, r := range served {
		if r == "GET /openapi.yaml" {
			continue
		}
		if !slices.Contains(documented, r) {
			t.Errorf("served but not in openapi.yaml: %s", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(served, d) {
			t.Errorf("in openapi.yaml but not served: %s", d)
		}
	}
	r := e.must(200, "GET", "/api/v1/openapi.yaml", "", nil)
	if string(r.Body) != string(shared.OpenAPI) {
		t.Error("the served document differs from shared/api/openapi.yaml")
	}
}

func TestErrorCodesAreDocumentedAndTranslated(t *testing.T) {
	doc := loadOpenAPI(t)
	documented := doc.Components.Schemas["ErrorCode"].Enum
	var codes []string
	for _, c := range apperr.Codes() {
		codes = append(codes, string(c))
	}
	sort.Strings(codes)
	sort.Strings(documented)
	if strings.Join(codes, ",") != strings.Join(documented, ",") {
		t.Errorf("server codes and ErrorCode enum differ:\nserver:   %v\ndocument: %v", codes, documented)
	}
	for _, lang := range []string{"fi", "sv", "en"} {
		b, err := fs.ReadFile(shared.I18n, "i18n/"+lang+".json")
		if err != nil {
			t.Fatalf("catalog %s: %v", lang, err)
		}
		var cat struct {
			Errors map[string]string `json:"errors"`
		}
		if err := json.Unmarshal(b, &cat); err != nil {
			t.Fatalf("catalog %s: %v", lang, err)
		}
		for _, c := range codes {
			if strings.TrimSpace(cat.Errors[c]) == "" {
				t.Errorf("%s.json has no errors.%s", lang, c)
			}
		}
	}
}

// The three catalogues have the same keys (plural forms may differ: Finnish, Swedish and
// English all use _one and _other), and no text is empty.
func TestTranslationsHaveTheSameKeys(t *testing.T) {
	keys := map[string][]string{}
	for _, lang := range []string{"fi", "sv", "en"} {
		b, err := fs.ReadFile(shared.I18n, "i18n/"+lang+".json")
		if err != nil {
			t.Fatalf("catalog %s: %v", lang, err)
		}
		var cat map[string]any
		if err := json.Unmarshal(b, &cat); err != nil {
			t.Fatalf("catalog %s: %v", lang, err)
		}
		var walk func(prefix string, v any)
		walk = func(prefix string, v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, sub := range v {
					walk(prefix+"."+k, sub)
				}
			case string:
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s.json: %s is empty", lang, prefix[1:])
				}
				keys[lang] = append(keys[lang], prefix[1:])
			default:
				t.Errorf("%s.json: %s is not text", lang, prefix[1:])
			}
		}
		walk("", cat)
		sort.Strings(keys[lang])
	}
	for _, lang := range []string{"sv", "en"} {
		for _, k := range keys["fi"] {
			if _, found := slices.BinarySearch(keys[lang], k); !found {
				t.Errorf("%s.json lacks %s", lang, k)
			}
		}
		for _, k := range keys[lang] {
			if _, found := slices.BinarySearch(keys["fi"], k); !found {
				t.Errorf("fi.json lacks %s (in %s.json)", k, lang)
			}
		}
	}
}
