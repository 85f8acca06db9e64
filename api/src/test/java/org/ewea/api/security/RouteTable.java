package org.ewea.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/** Every route the running application serves, as {@code METHOD path-pattern}, from its handler mappings. */
final class RouteTable {

    private RouteTable() {}

    /** A route: one method and one path pattern. */
    record Route(String method, String path) implements Comparable<Route> {
        @Override
        public int compareTo(Route other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Set<Route> of(ApplicationContext context) {
        Set<Route> routes = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                List<String> methods = new ArrayList<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add(RequestMethod.GET.name());
                }
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    String path = pattern.getPatternString();
                    if (path.startsWith("/api/") || path.startsWith("/ui") || path.startsWith("/taxii")) {
                        methods.forEach(m -> routes.add(new Route(m, path)));
                    }
                }
            }
        }
        return routes;
    }
}
