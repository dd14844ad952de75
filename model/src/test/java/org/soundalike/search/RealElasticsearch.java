package org.soundalike.search;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving a test class a real Elasticsearch node: {@code @ExtendWith(
 * RealElasticsearch.class)}, then take an {@link EsTestServer} or a fresh {@link EsConnection}
 * as a test or lifecycle-method parameter. One node (about 10 s to start) is shared by every test
 * class of the run; it stops when the run ends (root-store resource) or the JVM exits.
 */
public final class RealElasticsearch implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealElasticsearch.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  static EsTestServer server(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> new Running(EsTestServer.start()), Running.class).server;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == EsTestServer.class || type == EsConnection.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    EsTestServer server = server(context);
    if (parameter.getParameter().getType() == EsTestServer.class) {
      return server;
    }
    EsConnection connection = EsConnection.open(server.url(), Map.of());
    context.getStore(NAMESPACE).put(new Object(), (ExtensionContext.Store.CloseableResource) connection::close);
    return connection;
  }

  private record Running(EsTestServer server) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.stop();
    }
  }
}
