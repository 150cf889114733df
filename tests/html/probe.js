// Layout checks of a precis HTML report, run in headless Chromium by
// tests/html/run.sh: it injects this file into a copy of the report (the
// report itself has no script) and reads the lines written into
// <pre id="probe"> from --dump-dom. One line per check: "ok NAME" or
// "FAIL NAME: detail".
(function () {
	var out = [];
	function check(name, bad) {
		out.push(bad.length ? "FAIL " + name + ": " + bad.slice(0, 5).join("; ") : "ok " + name);
	}
	var W = window.innerWidth;
	var root = document.scrollingElement || document.documentElement;
	check("page-no-horizontal-scroll",
	      root.scrollWidth > W ? ["scrollWidth " + root.scrollWidth + " > innerWidth " + W] : []);

	var cards = document.querySelectorAll(".card");
	var bad = [];
	if (cards.length === 0)
		bad.push("no card");
	cards.forEach(function (c, i) {
		var r = c.getBoundingClientRect();
		if (r.left < -0.5 || r.right > W + 0.5)
			bad.push("card " + i + " spans " + Math.round(r.left) + ".." + Math.round(r.right));
	});
	check("cards-inside-viewport", bad);

	// A card never scrolls sideways inside its row either.
	bad = [];
	document.querySelectorAll(".cards").forEach(function (row, i) {
		if (row.scrollWidth > row.clientWidth + 1)
			bad.push("card row " + i + " scrollWidth " + row.scrollWidth + " > " + row.clientWidth);
	});
	check("card-rows-not-scrolled", bad);

	// Labels: chips, table headers and cells, headings, card fields.
	bad = [];
	document.querySelectorAll(".chip, th, td, h2, h3, h4, dt, dd, .hl").forEach(function (e) {
		if (e.scrollWidth > e.clientWidth + 1)
			bad.push(e.tagName + " '" + e.textContent.slice(0, 30) + "' " + e.scrollWidth + " > " +
				 e.clientWidth);
		var r = e.getBoundingClientRect();
		if (e.closest(".scroll") === null && r.right > W + 0.5)
			bad.push(e.tagName + " '" + e.textContent.slice(0, 30) + "' ends at " + Math.round(r.right));
	});
	check("labels-not-clipped", bad);

	// Similarity labels: every text of the heatmap inside its SVG's box.
	bad = [];
	var svgs = document.querySelectorAll("svg");
	if (svgs.length === 0)
		bad.push("no SVG");
	svgs.forEach(function (svg) {
		var box = svg.getBoundingClientRect();
		svg.querySelectorAll("text").forEach(function (t) {
			var r = t.getBoundingClientRect();
			if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 ||
			    r.bottom > box.bottom + 0.5)
				bad.push("'" + t.textContent + "' at " + Math.round(r.left - box.left) + ".." +
					 Math.round(r.right - box.left) + " in 0.." + Math.round(box.width));
		});
	});
	check("similarity-labels-inside", bad);

	// One colour per outlet: every chip and card of one outlet name in one colour,
	// in every section and story of the report.
	var colour = {};
	bad = [];
	function see(name, c, where) {
		name = name.trim();
		if (!name)
			return;
		if (colour[name] === undefined)
			colour[name] = c;
		else if (colour[name] !== c)
			bad.push(name + " is " + colour[name] + " and " + c + " (" + where + ")");
	}
	document.querySelectorAll(".chip").forEach(function (e) {
		see(e.textContent, getComputedStyle(e).backgroundColor, "chip");
	});
	document.querySelectorAll(".card").forEach(function (e) {
		var h = e.querySelector("h3");
		if (h)
			see(h.textContent, getComputedStyle(e).borderTopColor, "card");
	});
	if (Object.keys(colour).length < 2)
		bad.push("fewer than 2 outlets coloured");
	check("one-colour-per-outlet", bad);

	// Up to the palette's 8 colours, two outlets never share one.
	bad = [];
	var names = Object.keys(colour), owner = {};
	if (names.length <= 8)
		names.forEach(function (n) {
			if (owner[colour[n]] !== undefined)
				bad.push(n + " and " + owner[colour[n]] + " both " + colour[n]);
			owner[colour[n]] = n;
		});
	check("outlets-told-apart", bad);

	// The overview: one row per outlet, a link to every story it lists.
	bad = [];
	var ov = document.getElementById("overview");
	if (!ov) {
		bad.push("no #overview table");
	} else {
		ov.querySelectorAll("a[href^='#']").forEach(function (a) {
			if (!document.getElementById(a.getAttribute("href").slice(1)))
				bad.push("link " + a.getAttribute("href") + " leads nowhere");
		});
		var names = {};
		document.querySelectorAll(".card h3").forEach(function (h) { names[h.textContent.trim()] = 1; });
		var rows = {};
		ov.querySelectorAll("tbody th").forEach(function (h) { rows[h.textContent.trim()] = 1; });
		Object.keys(names).forEach(function (n) {
			if (!rows[n])
				bad.push("outlet " + n + " has no row");
		});
		if (ov.querySelectorAll("a[href^='#']").length < 2)
			bad.push("fewer than 2 story links");
	}
	check("overview-outlets-and-links", bad);

	var pre = document.createElement("pre");
	pre.id = "probe";
	pre.textContent = "\n" + out.join("\n") + "\n";
	// Inside the test's iframe the lines go to the host page, which --dump-dom prints.
	(window.parent !== window ? window.parent.document : document).body.appendChild(pre);
})();
