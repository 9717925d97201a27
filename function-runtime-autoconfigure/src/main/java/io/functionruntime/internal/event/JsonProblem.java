package io.functionruntime.internal.event;

import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * What is wrong with JSON the runtime could not read, in the client's terms: what was
 * expected and found, and where. Jackson's own messages name its classes, features and
 * sources, which mean nothing to the client and tell a stranger what runs inside, so they
 * never reach the answer as they are.
 *
 * @param summary what is wrong as a whole, to follow the name of what was read
 * @param detail the particulars, with the line and column when the parser knows them
 */
record JsonProblem(String summary, String detail) {

	private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[[^\\]]*\\]\\)");

	private static final Pattern QUOTED_CHARACTER = Pattern.compile("\\('(.+?)' \\(code [^)]*\\)\\)");

	private static final Pattern CHARACTER_CODE = Pattern.compile("\\s*\\(code [^)]*\\)");

	private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

	private static final Pattern ANY_VALUE = Pattern.compile(
			"(a valid value )?\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)");

	private static final Pattern CONSTRAINT_SOURCE = Pattern.compile(",\\s*from `[^`]*`");

	private static final Pattern TOKEN_NAME = Pattern.compile("\\b(?:START|END|VALUE|PROPERTY)_[A-Z_]+\\b");

	private static final Pattern INTERNALS = Pattern.compile("`|Source:|jackson|Feature|Json[A-Z]|java\\.|\\$");

	private static final Map<String, String> TOKEN_WORDS = Map.ofEntries(Map.entry("START_OBJECT", "an object"),
			Map.entry("END_OBJECT", "the end of an object"), Map.entry("START_ARRAY", "an array"),
			Map.entry("END_ARRAY", "the end of an array"), Map.entry("PROPERTY_NAME", "a field name"),
			Map.entry("VALUE_STRING", "a string"), Map.entry("VALUE_NUMBER_INT", "an integer"),
			Map.entry("VALUE_NUMBER_FLOAT", "a decimal number"), Map.entry("VALUE_TRUE", "a boolean"),
			Map.entry("VALUE_FALSE", "a boolean"), Map.entry("VALUE_NULL", "null"));

	private static final String MALFORMED = "is not valid JSON";

	private static final String TOO_COMPLEX = "is beyond the limits of the JSON parser";

	private static final String MISMATCHED = "does not fit the function's event type";

	/**
	 * Reads what went wrong from a failure to read or bind JSON.
	 * @param failure the failure
	 * @return the problem, in the client's terms
	 */
	static JsonProblem of(JacksonException failure) {
		if (failure instanceof StreamConstraintsException) {
			return new JsonProblem(TOO_COMPLEX, plain(CONSTRAINT_SOURCE.matcher(originalMessage(failure)).replaceAll(""),
					"a value is too large or too deeply nested") + at(failure.getLocation()));
		}
		if (failure instanceof InputCoercionException coercion) {
			return new JsonProblem(MISMATCHED, where(failure) + " must be " + expected(coercion.getTargetType())
					+ ", found a number out of its range" + at(failure.getLocation()));
		}
		if (failure instanceof StreamReadException) {
			return new JsonProblem(MALFORMED, syntax(failure));
		}
		if (failure instanceof PropertyBindingException) {
			return new JsonProblem(MISMATCHED, where(failure) + " is not a field of the function's event type"
					+ at(failure.getLocation()));
		}
		if (failure instanceof MismatchedInputException mismatch) {
			if (mismatch.getCurrentToken() == null && mismatch.getPath().isEmpty()) {
				return new JsonProblem(MALFORMED, "there is no JSON value, the input is empty");
			}
			JsonToken found = mismatch.getCurrentToken();
			return new JsonProblem(MISMATCHED, where(failure) + " must be " + expected(mismatch.getTargetType())
					+ ((found != null) ? ", found " + TOKEN_WORDS.getOrDefault(found.name(), "another value") : "")
					+ at(failure.getLocation()));
		}
		return new JsonProblem(MISMATCHED, where(failure) + " cannot be read as the function expects"
				+ at(failure.getLocation()));
	}

	/**
	 * Writes the problem as the message of an answer.
	 * @param subject what was read, such as "The request body"
	 * @return the message
	 */
	String message(String subject) {
		return subject + " " + this.summary + ": " + this.detail;
	}

	private static String syntax(JacksonException failure) {
		String message = START_MARKER.matcher(originalMessage(failure)).replaceAll("");
		message = CONTROL_CHARACTER.matcher(message).replaceAll((match) -> "(control character U+"
				+ String.format("%04X", Integer.parseInt(match.group(1))) + ")");
		message = QUOTED_CHARACTER.matcher(message)
			.replaceAll((match) -> "'" + Matcher.quoteReplacement(match.group(1)) + "'");
		message = CHARACTER_CODE.matcher(message).replaceAll("");
		message = ANY_VALUE.matcher(message)
			.replaceAll("a JSON value (a string, number, array, object, true, false or null)");
		message = message.replace("end-of-input", "end of input")
			.replace("was expecting", "expected")
			.replace("close marker for Object", "'}' to close the object")
			.replace("close marker for Array", "']' to close the array")
			.replaceAll("\\bObject\\b", "object")
			.replaceAll("\\bArray\\b", "array");
		message = TOKEN_NAME.matcher(message)
			.replaceAll((match) -> TOKEN_WORDS.getOrDefault(match.group(), "a value"));
		message = plain(message, "the input is not well-formed");
		String location = at(failure.getLocation());
		int colon = message.indexOf(": ");
		return (colon < 0) ? message + location
				: message.substring(0, colon) + location + message.substring(colon);
	}

	/**
	 * Returns a message in lower case at its start, or the fallback when it still holds
	 * words of the parser's own (an unforeseen message must not leak them either).
	 */
	private static String plain(String message, String fallback) {
		String text = message.strip();
		if (text.isEmpty() || INTERNALS.matcher(text).find()) {
			return fallback;
		}
		return Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private static String originalMessage(JacksonException failure) {
		String message = failure.getOriginalMessage();
		return (message != null) ? message : "";
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	/**
	 * Names where in the JSON the problem is: a field by its path, an element of a top-level
	 * array by its index, or the whole value.
	 */
	private static String where(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		if (path.isEmpty()) {
			return "the value";
		}
		return (path.charAt(0) == '[') ? "element " + path : "field '" + path + "'";
	}

	/** Names a Java type by the JSON that fits it, never by the class's name. */
	private static String expected(Class<?> type) {
		if (type == null) {
			return "another kind of value";
		}
		Class<?> boxed = MethodType.methodType(type).wrap().returnType();
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
				|| boxed == BigInteger.class) {
			return "an integer";
		}
		if (boxed == Double.class || boxed == Float.class || boxed == BigDecimal.class || boxed == Number.class) {
			return "a number";
		}
		if (boxed == Boolean.class) {
			return "true or false";
		}
		if (CharSequence.class.isAssignableFrom(boxed) || boxed == Character.class) {
			return "a string";
		}
		if (boxed.isEnum()) {
			return "one of " + Arrays.stream(boxed.getEnumConstants())
				.map((constant) -> "'" + ((Enum<?>) constant).name() + "'")
				.collect(Collectors.joining(", "));
		}
		if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
			return "an array";
		}
		if (boxed.getName().startsWith("java.") && !Map.class.isAssignableFrom(boxed)) {
			return "a valid " + boxed.getSimpleName();
		}
		return "an object";
	}

}
