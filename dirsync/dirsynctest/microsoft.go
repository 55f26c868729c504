package dirsynctest

import (
	"crypto/rand"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// GraphUser is a member of a fake Microsoft 365 group.
type GraphUser struct {
	Mail, UserPrincipalName string
	Disabled                bool
	Device                  bool // a device, not a user: Graph lists those among members too
}

// Microsoft is a fake Microsoft Graph with the identity platform's token endpoint.
type Microsoft struct {
	*httptest.Server
	PageSize                       int
	Tenant, ClientID, ClientSecret string
	// Throttle makes the next requests answer 429 with Retry-After: 0.
	Throttle int

	mu       sync.Mutex
	tokens   map[string]bool
	groups   map[string][]GraphUser
	requests int
	gate     chan struct{}
}

// Hold makes every members request wait until release is called or the client gives up: a
// sync in flight, for cancellation tests.
func (m *Microsoft) Hold() (release func()) {
	gate := make(chan struct{})
	m.mu.Lock()
	m.gate = gate
	m.mu.Unlock()
	var once sync.Once
	return func() { once.Do(func() { close(gate) }) }
}

// NewMicrosoft starts a fake Graph; it stops when the test ends.
func NewMicrosoft(t testing.TB) *Microsoft {
	t.Helper()
	m := &Microsoft{PageSize: 2, Tenant: "contoso.onmicrosoft.com", ClientID: "11111111-2222-3333-4444-555555555555",
		ClientSecret: "s3cr3t~" + rand.Text(), tokens: map[string]bool{}, groups: map[string][]GraphUser{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /{tenant}/oauth2/v2.0/token", m.token)
	mux.HandleFunc("GET /v1.0/groups/{id}/members", m.members)
	m.Server = httptest.NewServer(mux)
	t.Cleanup(m.Close)
	return m
}

// SetGroup replaces a group's members.
func (m *Microsoft) SetGroup(id string, members ...GraphUser) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.groups[id] = members
}

// Requests counts the Graph requests served (token requests excluded).
func (m *Microsoft) Requests() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.requests
}

// Token issues an access token directly, for clients configured with a token.
func (m *Microsoft) Token() string {
	tok := "eyJ0" + rand.Text()
	m.mu.Lock()
	m.tokens[tok] = true
	m.mu.Unlock()
	return tok
}

func (m *Microsoft) token(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("tenant") != m.Tenant || r.FormValue("grant_type") != "client_credentials" ||
		r.FormValue("client_id") != m.ClientID || r.FormValue("client_secret") != m.ClientSecret ||
		r.FormValue("scope") != "https://graph.microsoft.com/.default" {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client",
			"error_description": "AADSTS7000215: Invalid client secret provided."})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"token_type": "Bearer", "expires_in": 3599, "access_token": m.Token()})
}

func (m *Microsoft) members(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	m.requests++
	ok := m.tokens[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]
	throttled := m.Throttle > 0
	if throttled {
		m.Throttle--
	}
	members, found := m.groups[r.PathValue("id")]
	gate := m.gate
	m.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-r.Context().Done():
			return
		}
	}
	switch {
	case !ok:
		writeJSON(w, http.StatusUnauthorized, map[string]any{"error": map[string]string{"code": "InvalidAuthenticationToken",
			"message": "Access token validation failure."}})
		return
	case throttled:
		w.Header().Set("Retry-After", "0")
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"error": map[string]string{"code": "TooManyRequests", "message": "Too many requests"}})
		return
	case !found:
		writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]string{"code": "Request_ResourceNotFound",
			"message": "Resource '" + r.PathValue("id") + "' does not exist or one of its queried reference-property objects are not present."}})
		return
	}
	var all []map[string]any
	for _, u := range members {
		if u.Device {
			all = append(all, map[string]any{"@odata.type": "#microsoft.graph.device", "id": rand.Text()})
			continue
		}
		v := map[string]any{"@odata.type": "#microsoft.graph.user", "id": rand.Text(), "userPrincipalName": u.UserPrincipalName,
			"accountEnabled": !u.Disabled, "mail": nil}
		if u.Mail != "" {
			v["mail"] = u.Mail
		}
		all = append(all, v)
	}
	q := r.URL.Query()
	page, next := paginate(all, q.Get("$skiptoken"), min(atoi(q.Get("$top"), 100), m.PageSize))
	out := map[string]any{"@odata.context": m.URL + "/v1.0/$metadata#directoryObjects", "value": page}
	if next != "" {
		nq := url.Values{}
		nq.Set("$select", q.Get("$select"))
		nq.Set("$top", q.Get("$top"))
		nq.Set("$skiptoken", next)
		out["@odata.nextLink"] = m.URL + r.URL.Path + "?" + nq.Encode()
	}
	writeJSON(w, http.StatusOK, out)
}
