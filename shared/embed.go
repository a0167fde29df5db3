// Package shared embeds the cross-language contracts of this folder (the OpenAPI document and
// the i18n catalogs) so the Go server and its tests read the very files the client uses.
package shared

import "embed"

// OpenAPI is the API document, served at /api/v1/openapi.yaml.
//
//go:embed api/openapi.yaml
var OpenAPI []byte

// I18n holds the client's catalogs, i18n/{fi,sv,en}.json.
//
//go:embed i18n
var I18n embed.FS
