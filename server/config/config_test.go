package config

import (
	"os"
	"path/filepath"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDevelopmentKeyIsGeneratedOnceAndKept(t *testing.T) {
	dir := t.TempDir()
	a, err := FromEnv(env(map[string]string{"DATA_DIR": dir}))
	if err != nil {
		t.Fatal(err)
	}
	b, err := FromEnv(env(map[string]string{"DATA_DIR": dir}))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.SigningKey) < 32 || string(a.SigningKey) != string(b.SigningKey) {
		t.Fatal("the generated key must be kept in DATA_DIR and reused")
	}
	if st, err := os.Stat(filepath.Join(dir, "jwt-signing.key")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", st, err)
	}
}

func TestBadSettingsAreRefusedWithTheirName(t *testing.T) {
	for name, vars := range map[string]map[string]string{
		"PORT":             {"PORT": "http"},
		"JWT_SIGNING_KEY":  {"JWT_SIGNING_KEY": "c2hvcnQ="},
		"ACCESS_TOKEN_TTL": {"ACCESS_TOKEN_TTL": "-5m"},
		"production key":   {"ENV": "production"},
	} {
		vars["DATA_DIR"] = t.TempDir()
		if _, err := FromEnv(env(vars)); err == nil {
			t.Errorf("%s: accepted %v", name, vars)
		}
	}
}

func TestDefaults(t *testing.T) {
	c, err := FromEnv(env(map[string]string{"DATA_DIR": t.TempDir(), "ALLOWED_ORIGINS": "https://a.fi/, https://b.fi"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Port != 8080 || c.PublicURL != "http://localhost:8080" || c.Database != "elo" || c.DemoPassword != "elo-demo" {
		t.Fatalf("defaults: %+v", c.Masked())
	}
	if len(c.AllowedOrigins) != 2 || c.AllowedOrigins[0] != "https://a.fi" {
		t.Fatalf("origins: %v", c.AllowedOrigins)
	}
}
