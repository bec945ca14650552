/* graphkit map: builds the vis-network from the JSON in #gk-data.
 * All article text reaches the page through textContent only, never as HTML. */
(function () {
  "use strict";
  var status = document.getElementById("gk-status");
  var data = JSON.parse(document.getElementById("gk-data").textContent);
  var DIM_NODE = { background: "#ececec", border: "#d6d6d6" };
  var DIM_EDGE = { color: "#e4e4e4", opacity: 0.5 };

  function tip(lines) {
    var box = document.createElement("div");
    box.className = "gk-tip";
    (lines || []).forEach(function (line) {
      var el = document.createElement("div");
      el.className = "gk-" + line[0];
      el.textContent = line[1];
      box.appendChild(el);
    });
    return box;
  }

  var tips = {};
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var m = Object.assign({}, n);
    tips[n.id] = n.tip;
    m.title = tip(n.tip);
    delete m.tip;
    return m;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var m = Object.assign({}, e);
    m.title = tip(e.tip);
    delete m.tip;
    return m;
  }));
  status.setAttribute("data-nodes", String(nodes.length));
  status.setAttribute("data-edges", String(edges.length));

  var container = document.getElementById("gk-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  network.once("afterDrawing", function () { status.setAttribute("data-ready", "1"); });
  network.fit({ animation: false });

  var baseNodes = {};
  nodes.forEach(function (n) { baseNodes[n.id] = { color: n.color, font: n.font }; });
  var baseEdges = {};
  edges.forEach(function (e) { baseEdges[e.id] = { color: e.color, font: e.font }; });
  var highlighted = null;

  function details(id) {
    var body = document.getElementById("gk-detail-body");
    while (body.firstChild) { body.removeChild(body.firstChild); }
    if (id === null) { return; }
    body.appendChild(tip(tips[id]));
    var near = network.getConnectedNodes(id);
    if (near.length) {
      var h = document.createElement("div");
      h.className = "gk-k";
      h.textContent = "Neighbours (" + near.length + ")";
      body.appendChild(h);
      var ul = document.createElement("ul");
      ul.className = "gk-neighbours";
      near.map(function (n) { return tips[n] && tips[n][0] ? tips[n][0][1] : nodes.get(n).label; }).sort().forEach(function (label) {
        var li = document.createElement("li");
        li.textContent = label;
        ul.appendChild(li);
      });
      body.appendChild(ul);
    }
  }

  function reset() {
    nodes.update(Object.keys(baseNodes).map(function (id) {
      return { id: id, color: baseNodes[id].color, font: baseNodes[id].font };
    }));
    edges.update(Object.keys(baseEdges).map(function (id) {
      return { id: id, color: baseEdges[id].color, font: baseEdges[id].font };
    }));
    highlighted = null;
    details(null);
  }

  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    nodes.update(Object.keys(baseNodes).map(function (n) {
      if (keep[n]) { return { id: n, color: baseNodes[n].color, font: baseNodes[n].font }; }
      return { id: n, color: DIM_NODE, font: { color: "#c8c8c8" } };
    }));
    edges.update(edges.get().map(function (e) {
      if (e.from === id || e.to === id) { return { id: e.id, color: baseEdges[e.id].color, font: baseEdges[e.id].font }; }
      return { id: e.id, color: DIM_EDGE, font: { color: "rgba(0,0,0,0)", strokeWidth: 0 } };
    }));
    highlighted = id;
    details(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); } else if (highlighted !== null) { reset(); }
  });

  window.graphkitMap = { network: network, nodes: nodes, edges: edges, highlight: highlight, reset: reset };
})();
