package io.functionruntime.internal.web;

import io.functionruntime.FunctionCalls;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.servlet.filter.OrderedHiddenHttpMethodFilter;

/**
 * Spring Boot's hidden method filter, when the application turns it on, for the
 * application's own routes only: it reads the {@code _method} parameter of a {@code POST},
 * which consumes a form body, and it would change the method a function sees.
 */
public class ApplicationHiddenHttpMethodFilter extends OrderedHiddenHttpMethodFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return FunctionCalls.isFunctionCall(request);
	}

}
