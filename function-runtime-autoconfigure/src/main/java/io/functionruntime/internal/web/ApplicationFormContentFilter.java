package io.functionruntime.internal.web;

import io.functionruntime.FunctionCalls;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.servlet.filter.OrderedFormContentFilter;

/**
 * Spring Boot's form content filter for the application's own routes only: it parses the
 * body of {@code PUT}, {@code PATCH} and {@code DELETE} form requests, which would leave a
 * function an empty body (or a 500 for a malformed form) had it run on a function call.
 */
public class ApplicationFormContentFilter extends OrderedFormContentFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return FunctionCalls.isFunctionCall(request);
	}

}
