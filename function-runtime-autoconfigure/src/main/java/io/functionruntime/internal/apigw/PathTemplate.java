package io.functionruntime.internal.apigw;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path of the gateway's spec, such as {@code /users/{id}} or {@code /static/{file+}},
 * and how it matches a request path: a literal segment matches itself, {@code {name}} one
 * segment, and a greedy {@code {name+}} the rest of the path, several segments or none.
 * Values are percent-decoded, {@code %2F} included. With trailing slashes ignored, as the
 * gateway does by default, {@code /a/} and {@code /a} are one path.
 */
final class PathTemplate {

	/**
	 * The gateway's precedence, which it does not document: more literal segments first,
	 * then paths without a greedy parameter, then longer paths.
	 */
	static final Comparator<PathTemplate> PRECEDENCE = Comparator
		.comparingInt((PathTemplate template) -> -template.literals)
		.thenComparing((template) -> template.greedy)
		.thenComparingInt((template) -> -template.segments.size());

	private final String text;

	private final List<Segment> segments;

	private final int literals;

	private final boolean greedy;

	private final boolean ignoreTrailingSlash;

	private PathTemplate(String text, List<Segment> segments, boolean ignoreTrailingSlash) {
		this.text = text;
		this.segments = segments;
		this.literals = (int) segments.stream().filter((segment) -> segment.kind() == Kind.LITERAL).count();
		this.greedy = segments.stream().anyMatch((segment) -> segment.kind() == Kind.GREEDY);
		this.ignoreTrailingSlash = ignoreTrailingSlash;
	}

	/**
	 * Reads a path of the spec.
	 * @param text the path as the spec writes it
	 * @param ignoreTrailingSlash whether a trailing slash is ignored
	 * @return the template
	 * @throws IllegalArgumentException when the path is not one the gateway accepts
	 */
	static PathTemplate parse(String text, boolean ignoreTrailingSlash) {
		if (!text.startsWith("/")) {
			throw new IllegalArgumentException("a path must start with '/'");
		}
		List<Segment> segments = new ArrayList<>();
		for (String part : split(text, ignoreTrailingSlash)) {
			segments.add(segment(part));
		}
		for (int i = 0; i < segments.size() - 1; i++) {
			if (segments.get(i).kind() == Kind.GREEDY) {
				throw new IllegalArgumentException(
						"the greedy parameter {" + segments.get(i).value() + "+} must be the last segment");
			}
		}
		return new PathTemplate(text, List.copyOf(segments), ignoreTrailingSlash);
	}

	private static Segment segment(String part) {
		if (part.startsWith("{") && part.endsWith("}")) {
			String name = part.substring(1, part.length() - 1);
			boolean greedy = name.endsWith("+");
			if (greedy) {
				name = name.substring(0, name.length() - 1);
			}
			if (name.isEmpty() || name.indexOf('{') >= 0 || name.indexOf('}') >= 0) {
				throw new IllegalArgumentException("segment '" + part + "' is no parameter name");
			}
			return new Segment(greedy ? Kind.GREEDY : Kind.PARAMETER, name);
		}
		if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
			throw new IllegalArgumentException(
					"segment '" + part + "' mixes text and a parameter; a parameter must be a whole segment");
		}
		return new Segment(Kind.LITERAL, part);
	}

	/**
	 * Splits a path into its segments, without the leading slash, and without a trailing
	 * one when trailing slashes are ignored.
	 */
	private static List<String> split(String path, boolean ignoreTrailingSlash) {
		String rest = path.substring(1);
		if (ignoreTrailingSlash && rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		return rest.isEmpty() ? List.of() : List.of(rest.split("/", -1));
	}

	/**
	 * Matches a request path.
	 * @param rawPath the path as the client sent it, percent-encoded, starting with a slash
	 * @return each path parameter with its decoded value, or {@code null} when the path does
	 * not match or is malformed
	 */
	Map<String, String> match(String rawPath) {
		List<String> parts = split(rawPath, this.ignoreTrailingSlash);
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < this.segments.size(); i++) {
			Segment segment = this.segments.get(i);
			if (segment.kind() == Kind.GREEDY) {
				String rest = (i < parts.size()) ? decode(String.join("/", parts.subList(i, parts.size()))) : "";
				if (rest == null) {
					return null;
				}
				values.put(segment.value(), rest);
				return values;
			}
			if (i >= parts.size()) {
				return null;
			}
			String part = decode(parts.get(i));
			if (part == null || segment.kind() == Kind.LITERAL ? !segment.value().equals(part) : part.isEmpty()) {
				return null;
			}
			if (segment.kind() == Kind.PARAMETER) {
				values.put(segment.value(), part);
			}
		}
		return (parts.size() == this.segments.size()) ? values : null;
	}

	/**
	 * Tells the first segment of the path when the spec writes it literally: the gateway
	 * owns every request path that starts with it.
	 * @return the literal first segment, or {@code null} when the path starts with a
	 * parameter or is {@code /}
	 */
	String firstLiteral() {
		return (!this.segments.isEmpty() && this.segments.get(0).kind() == Kind.LITERAL) ? this.segments.get(0).value()
				: null;
	}

	/**
	 * Reads the first segment of a request path.
	 * @param rawPath the path as the client sent it, starting with a slash
	 * @return the segment, decoded, or {@code null} when malformed
	 */
	static String firstSegment(String rawPath) {
		int end = rawPath.indexOf('/', 1);
		return decode(rawPath.substring(1, (end < 0) ? rawPath.length() : end));
	}

	/** Decodes a part of a path, where {@code +} is itself; {@code null} when malformed. */
	private static String decode(String part) {
		if (part.indexOf('%') < 0) {
			return part;
		}
		try {
			return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Tells the paths the gateway cannot tell apart: the same segments with any parameter
	 * names, after trailing-slash normalisation.
	 * @return the path with each parameter written {@code {}} or {@code {+}}
	 */
	String shape() {
		StringBuilder shape = new StringBuilder();
		for (Segment segment : this.segments) {
			shape.append('/').append(switch (segment.kind()) {
				case LITERAL -> segment.value();
				case PARAMETER -> "{}";
				case GREEDY -> "{+}";
			});
		}
		return (shape.length() == 0) ? "/" : shape.toString();
	}

	/** @return the path as the spec writes it, greedy {@code +} included */
	@Override
	public String toString() {
		return this.text;
	}

	private enum Kind {

		LITERAL, PARAMETER, GREEDY

	}

	private record Segment(Kind kind, String value) {
	}

}
