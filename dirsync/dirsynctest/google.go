// Package dirsynctest runs local HTTP servers that speak the documented JSON of the Google
// Admin SDK Directory API and of Microsoft Graph, with their token endpoints and pagination,
// so seat syncs are tested against real HTTP without the real services.
package dirsynctest

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// GoogleUser is a user of the fake Workspace.
type GoogleUser struct {
	Email     string
	OrgUnit   string // "/Teachers/Lyon"
	Suspended bool
}

// GoogleMember is a member of a fake group.
type GoogleMember struct {
	Email  string
	Type   string // USER (default), GROUP, …
	Status string // ACTIVE (default), SUSPENDED
}

// Google is a fake Admin SDK Directory API with a service-account token endpoint.
type Google struct {
	*httptest.Server
	// PageSize caps every page, so a handful of users already spans pages.
	PageSize int
	// ClientEmail and Admin are what the service account's assertions must say.
	ClientEmail, Admin string

	mu       sync.Mutex
	key      *rsa.PrivateKey
	tokens   map[string]bool
	users    []GoogleUser
	groups   map[string][]GoogleMember
	requests int
}

// NewGoogle starts a fake Workspace; it stops when the test ends.
func NewGoogle(t testing.TB) *Google {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	g := &Google{PageSize: 2, ClientEmail: "rollcall@school-project.iam.gserviceaccount.com", Admin: "admin@school.example",
		key: key, tokens: map[string]bool{}, groups: map[string][]GoogleMember{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", g.token)
	mux.HandleFunc("GET /admin/directory/v1/users", g.authed(g.listUsers))
	mux.HandleFunc("GET /admin/directory/v1/groups/{group}/members", g.authed(g.listMembers))
	g.Server = httptest.NewServer(mux)
	t.Cleanup(g.Close)
	return g
}

// SetUsers replaces the Workspace's users.
func (g *Google) SetUsers(users ...GoogleUser) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.users = users
}

// SetGroup replaces a group's members (key: the group's email).
func (g *Google) SetGroup(key string, members ...GoogleMember) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.groups[strings.ToLower(key)] = members
}

// Requests counts the API requests served (token requests excluded).
func (g *Google) Requests() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.requests
}

// ServiceAccountFile writes a service-account key file, as the Cloud console gives it, whose
// token_uri is this server, and returns its path.
func (g *Google) ServiceAccountFile(t testing.TB) string {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(g.key)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{
		"type": "service_account", "project_id": "school-project", "private_key_id": "k1",
		"private_key":  string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"client_email": g.ClientEmail, "client_id": "1234", "token_uri": g.URL + "/token",
	})
	path := filepath.Join(t.TempDir(), "service-account.json")
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// token checks a signed JWT assertion (RFC 7523) and issues an access token.
func (g *Google) token(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
		oauthError(w, "unsupported_grant_type")
		return
	}
	claims, ok := verifyJWT(r.FormValue("assertion"), &g.key.PublicKey)
	if !ok || claims["iss"] != g.ClientEmail || claims["sub"] != g.Admin || claims["aud"] != g.URL+"/token" ||
		!strings.Contains(claims["scope"], "admin.directory.user.readonly") {
		oauthError(w, "invalid_grant")
		return
	}
	tok := "ya29." + rand.Text()
	g.mu.Lock()
	g.tokens[tok] = true
	g.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": 3599})
}

// Token issues an access token directly, for clients configured with a token.
func (g *Google) Token() string {
	tok := "ya29." + rand.Text()
	g.mu.Lock()
	g.tokens[tok] = true
	g.mu.Unlock()
	return tok
}

func (g *Google) authed(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		g.mu.Lock()
		ok := g.tokens[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]
		g.requests++
		g.mu.Unlock()
		if !ok {
			writeJSON(w, http.StatusUnauthorized, apiError(401, "Login Required."))
			return
		}
		h(w, r)
	}
}

func (g *Google) listUsers(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("customer") != "my_customer" {
		writeJSON(w, http.StatusBadRequest, apiError(400, "Bad Request"))
		return
	}
	ou := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(q.Get("query"), "orgUnitPath='"), "'"), `\'`, "'")
	g.mu.Lock()
	var emails []map[string]any
	for _, u := range g.users {
		if ou == "/" || u.OrgUnit == ou || strings.HasPrefix(u.OrgUnit, ou+"/") {
			emails = append(emails, map[string]any{"primaryEmail": u.Email, "suspended": u.Suspended, "orgUnitPath": u.OrgUnit})
		}
	}
	g.mu.Unlock()
	page, next := paginate(emails, q.Get("pageToken"), min(atoi(q.Get("maxResults"), 100), g.PageSize))
	out := map[string]any{"kind": "admin#directory#users"}
	if len(page) > 0 {
		out["users"] = page // Google leaves the field out when there is nobody
	}
	if next != "" {
		out["nextPageToken"] = next
	}
	writeJSON(w, http.StatusOK, out)
}

func (g *Google) listMembers(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	members, ok := g.groups[strings.ToLower(r.PathValue("group"))]
	g.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusNotFound, apiError(404, "Resource Not Found: groupKey"))
		return
	}
	var all []map[string]any
	for _, m := range members {
		typ, status := m.Type, m.Status
		if typ == "" {
			typ = "USER"
		}
		if status == "" {
			status = "ACTIVE"
		}
		all = append(all, map[string]any{"kind": "admin#directory#member", "email": m.Email, "role": "MEMBER", "type": typ, "status": status})
	}
	q := r.URL.Query()
	page, next := paginate(all, q.Get("pageToken"), min(atoi(q.Get("maxResults"), 200), g.PageSize))
	out := map[string]any{"kind": "admin#directory#members"}
	if len(page) > 0 {
		out["members"] = page
	}
	if next != "" {
		out["nextPageToken"] = next
	}
	writeJSON(w, http.StatusOK, out)
}

// paginate cuts a page at the offset an opaque token names and returns the next token.
func paginate[T any](all []T, token string, size int) ([]T, string) {
	off := 0
	if token != "" {
		b, _ := base64.RawURLEncoding.DecodeString(token)
		off = atoi(strings.TrimPrefix(string(b), "offset:"), len(all))
	}
	off = min(off, len(all))
	end := min(off+max(size, 1), len(all))
	next := ""
	if end < len(all) {
		next = base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(end)))
	}
	return all[off:end], next
}

func atoi(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}

func verifyJWT(assertion string, pub *rsa.PublicKey) (map[string]string, bool) {
	parts := strings.Split(assertion, ".")
	if len(parts) != 3 {
		return nil, false
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return nil, false
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig) != nil {
		return nil, false
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return nil, false
	}
	var raw map[string]any
	if json.Unmarshal(payload, &raw) != nil {
		return nil, false
	}
	out := map[string]string{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out, true
}

func apiError(code int, msg string) map[string]any {
	return map[string]any{"error": map[string]any{"code": code, "message": msg}}
}

func oauthError(w http.ResponseWriter, code string) {
	writeJSON(w, http.StatusBadRequest, map[string]string{"error": code, "error_description": "refused by the test server"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
