package dirsync

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/jwt"
)

// Scopes a Google service account needs (granted through domain-wide delegation).
var googleScopes = []string{
	"https://www.googleapis.com/auth/admin.directory.user.readonly",
	"https://www.googleapis.com/auth/admin.directory.group.member.readonly",
}

// Config says how to reach and authenticate to each directory. Its String and LogValue never
// show a secret, so a Config can be logged or printed.
type Config struct {
	Google    GoogleConfig
	Microsoft MicrosoftConfig
}

// GoogleConfig: a service-account key file (JSON, as the Google Cloud console downloads it)
// with the admin it acts as, or an access token obtained otherwise.
type GoogleConfig struct {
	BaseURL            string // default DefaultGoogleURL
	Customer           string // default my_customer
	ServiceAccountFile string // path of the key file
	Admin              string // the Workspace admin the service account impersonates
	Token              string // a ready access token (instead of the key file)
}

// MicrosoftConfig: an app registration's client credentials (tenant, client id and secret),
// or an access token obtained otherwise.
type MicrosoftConfig struct {
	BaseURL      string // default DefaultGraphURL
	LoginURL     string // default https://login.microsoftonline.com
	Tenant       string
	ClientID     string
	ClientSecret string
	Token        string
}

// DefaultLoginURL is where Microsoft issues tokens.
const DefaultLoginURL = "https://login.microsoftonline.com"

// The environment variables ConfigFromEnv reads. A *_FILE variable names a file holding the
// value, so a secret need not sit in the environment.
const (
	EnvGoogleURL         = "ROLLCALL_GOOGLE_API_URL"
	EnvGoogleCustomer    = "ROLLCALL_GOOGLE_CUSTOMER"
	EnvGoogleCredentials = "ROLLCALL_GOOGLE_CREDENTIALS" // path of the service-account key file
	EnvGoogleAdmin       = "ROLLCALL_GOOGLE_ADMIN"
	EnvGoogleToken       = "ROLLCALL_GOOGLE_TOKEN" // or ROLLCALL_GOOGLE_TOKEN_FILE
	EnvGraphURL          = "ROLLCALL_GRAPH_URL"
	EnvMSLoginURL        = "ROLLCALL_MS_LOGIN_URL"
	EnvMSTenant          = "ROLLCALL_MS_TENANT"
	EnvMSClientID        = "ROLLCALL_MS_CLIENT_ID"
	EnvMSClientSecret    = "ROLLCALL_MS_CLIENT_SECRET" // or ROLLCALL_MS_CLIENT_SECRET_FILE
	EnvMSToken           = "ROLLCALL_MS_TOKEN"         // or ROLLCALL_MS_TOKEN_FILE
)

// ConfigFromEnv reads the configuration from environment variables (getenv is os.Getenv in
// the program). A *_FILE variable that names an unreadable file is an error.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	var c Config
	var err error
	secret := func(name string) string {
		if v := getenv(name); v != "" || err != nil {
			return strings.TrimSpace(v)
		}
		path := getenv(name + "_FILE")
		if path == "" {
			return ""
		}
		b, rerr := os.ReadFile(path)
		if rerr != nil {
			err = fmt.Errorf("%s_FILE: %w", name, rerr)
		}
		return strings.TrimSpace(string(b))
	}
	c.Google = GoogleConfig{BaseURL: getenv(EnvGoogleURL), Customer: getenv(EnvGoogleCustomer),
		ServiceAccountFile: getenv(EnvGoogleCredentials), Admin: getenv(EnvGoogleAdmin), Token: secret(EnvGoogleToken)}
	c.Microsoft = MicrosoftConfig{BaseURL: getenv(EnvGraphURL), LoginURL: getenv(EnvMSLoginURL),
		Tenant: getenv(EnvMSTenant), ClientID: getenv(EnvMSClientID), ClientSecret: secret(EnvMSClientSecret),
		Token: secret(EnvMSToken)}
	return c, err
}

// Configured reports whether Google credentials were given.
func (c GoogleConfig) Configured() bool { return c.Token != "" || c.ServiceAccountFile != "" }

// Configured reports whether Microsoft credentials were given.
func (c MicrosoftConfig) Configured() bool {
	return c.Token != "" || (c.Tenant != "" && c.ClientID != "" && c.ClientSecret != "")
}

// serviceAccount is the part of a Google service-account key file we use.
type serviceAccount struct {
	Type         string `json:"type"`
	ClientEmail  string `json:"client_email"`
	PrivateKey   string `json:"private_key"`
	PrivateKeyID string `json:"private_key_id"`
	TokenURI     string `json:"token_uri"`
}

// NewGoogle builds a Google client from the configuration; ErrNotConfigured when it has no
// credentials. The token is fetched on the first request, with ctx's HTTP client if any.
func NewGoogle(ctx context.Context, c GoogleConfig) (*GoogleClient, error) {
	g := &GoogleClient{BaseURL: c.BaseURL, Customer: c.Customer}
	switch {
	case c.Token != "":
		g.HTTP = oauth2.NewClient(ctx, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: c.Token}))
	case c.ServiceAccountFile != "":
		raw, err := os.ReadFile(c.ServiceAccountFile)
		if err != nil {
			return nil, svcErr(Google, err)
		}
		var sa serviceAccount
		if err := json.Unmarshal(raw, &sa); err != nil || sa.ClientEmail == "" || sa.PrivateKey == "" {
			return nil, svcErr(Google, fmt.Errorf("%s: %w: not a service-account key file", c.ServiceAccountFile, ErrNotConfigured))
		}
		if sa.TokenURI == "" {
			sa.TokenURI = "https://oauth2.googleapis.com/token"
		}
		cfg := &jwt.Config{Email: sa.ClientEmail, PrivateKey: []byte(sa.PrivateKey), PrivateKeyID: sa.PrivateKeyID,
			Subject: c.Admin, Scopes: googleScopes, TokenURL: sa.TokenURI}
		g.HTTP = cfg.Client(ctx)
	default:
		return nil, svcErr(Google, ErrNotConfigured)
	}
	return g, nil
}

// NewMicrosoft builds a Microsoft Graph client from the configuration (OAuth2 client
// credentials, or a ready token); ErrNotConfigured when it has neither.
func NewMicrosoft(ctx context.Context, c MicrosoftConfig) (*MicrosoftClient, error) {
	m := &MicrosoftClient{BaseURL: c.BaseURL}
	switch {
	case c.Token != "":
		m.HTTP = oauth2.NewClient(ctx, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: c.Token}))
	case c.Configured():
		login := strings.TrimRight(c.LoginURL, "/")
		if login == "" {
			login = DefaultLoginURL
		}
		cfg := &clientcredentials.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret,
			TokenURL:  login + "/" + c.Tenant + "/oauth2/v2.0/token",
			Scopes:    []string{DefaultGraphURL + "/.default"},
			AuthStyle: oauth2.AuthStyleInParams}
		m.HTTP = cfg.Client(ctx)
	default:
		return nil, svcErr(Microsoft, ErrNotConfigured)
	}
	return m, nil
}

// String shows what is configured, never a secret.
func (c Config) String() string {
	return fmt.Sprintf("google{url=%s admin=%s key_file=%s token=%s} microsoft{url=%s tenant=%s client=%s secret=%s token=%s}",
		orDefault(c.Google.BaseURL, DefaultGoogleURL), c.Google.Admin, c.Google.ServiceAccountFile, redact(c.Google.Token),
		orDefault(c.Microsoft.BaseURL, DefaultGraphURL), c.Microsoft.Tenant, c.Microsoft.ClientID,
		redact(c.Microsoft.ClientSecret), redact(c.Microsoft.Token))
}

// GoString is String, so %#v does not print secrets either.
func (c Config) GoString() string { return c.String() }

// LogValue makes slog print the redacted form.
func (c Config) LogValue() slog.Value { return slog.StringValue(c.String()) }

// String hides the token.
func (c GoogleConfig) String() string { return Config{Google: c}.String() }

// GoString hides the token.
func (c GoogleConfig) GoString() string { return c.String() }

// String hides the secret and the token.
func (c MicrosoftConfig) String() string { return Config{Microsoft: c}.String() }

// GoString hides the secret and the token.
func (c MicrosoftConfig) GoString() string { return c.String() }

func redact(s string) string {
	if s == "" {
		return "none"
	}
	return "set"
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
