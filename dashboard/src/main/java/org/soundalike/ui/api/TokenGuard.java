package org.soundalike.ui.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Lets a request through only with the configured token: the API as {@code Authorization: Bearer
 * TOKEN}, the pages as HTTP basic with the token as password (any user name), so a browser asks
 * for it once. {@code /health} stays open for liveness probes; it tells nothing private.
 */
public final class TokenGuard implements Filter {

  /** The environment variable that holds the token. */
  public static final String TOKEN_VARIABLE = "SOUNDALIKE_API_TOKEN";

  private final byte[] token;

  public TokenGuard(String token) {
    if (token.isBlank()) {
      throw new IllegalArgumentException(TOKEN_VARIABLE + " is set but empty");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(HealthServlet.PATH)) {
      chain.doFilter(req, res);
      return;
    }
    Optional<String> authorization = Optional.ofNullable(request.getHeader("Authorization"));
    boolean api = path.equals(ApiServlet.PATH) || path.startsWith(ApiServlet.PATH + "/");
    if (api ? authorization.flatMap(a -> after(a, "Bearer ")).filter(this::matches).isPresent()
        : authorization.flatMap(a -> after(a, "Basic ")).flatMap(TokenGuard::basicPassword).filter(this::matches)
            .isPresent()) {
      chain.doFilter(req, res);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    if (api) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"SoundAlike\"");
      response.setContentType("application/json");
      response.getWriter().write("{\"error\":\"unauthorized\",\"detail\":\"send Authorization: Bearer <the token in "
          + TOKEN_VARIABLE + ">\"}");
    } else {
      response.setHeader("WWW-Authenticate", "Basic realm=\"SoundAlike\", charset=\"UTF-8\"");
    }
  }

  private boolean matches(String given) {
    return MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> after(String header, String scheme) {
    return header.regionMatches(true, 0, scheme, 0, scheme.length())
        ? Optional.of(header.substring(scheme.length()).trim()) : Optional.empty();
  }

  private static Optional<String> basicPassword(String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(pair.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
