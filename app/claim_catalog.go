package app

import (
	_ "embed"
	"fmt"
	"os"

	"rollcall/model"
)

// shippedCatalog is the display catalogue Rollcall ships; LicensingOptions.CatalogPath
// replaces it (a vendor's newer list, say).
//
//go:embed data/displays.json
var shippedCatalog []byte

// ShippedDisplayCatalog parses the display catalogue embedded in Rollcall.
func ShippedDisplayCatalog() (*model.DisplayCatalog, error) {
	return model.ParseDisplayCatalog(shippedCatalog)
}

// DisplayCatalog returns the catalogue claims by displays are checked against: the file of
// LicensingOptions.CatalogPath when set, else the shipped one. It is read once.
func (a *App) DisplayCatalog() (*model.DisplayCatalog, error) {
	a.lic.catalogOnce.Do(func() {
		if a.lic.opts.CatalogPath == "" {
			a.lic.catalog, a.lic.catalogErr = ShippedDisplayCatalog()
			return
		}
		raw, err := os.ReadFile(a.lic.opts.CatalogPath)
		if err != nil {
			a.lic.catalogErr = fmt.Errorf("display catalogue: %w", err)
			return
		}
		a.lic.catalog, a.lic.catalogErr = model.ParseDisplayCatalog(raw)
	})
	return a.lic.catalog, a.lic.catalogErr
}
