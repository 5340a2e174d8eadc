// Insights: draws the page's charts with ECharts from the figures the page carries (#insights-data's data-charts,
// JSON written by the server). The tables under the charts hold the same figures; a chart whose container is absent has nothing to show.
(function () {
  var source = document.getElementById('insights-data');
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.getAttribute('data-charts'));
  var css = getComputedStyle(document.documentElement);
  var colour = function (name) { return css.getPropertyValue(name).trim(); };
  var font = css.fontFamily;
  var labels = data.labels;
  var charts = [];

  function draw(id, option, rows) {
    var element = document.getElementById(id);
    if (!element) { return; }
    if (rows) {
      // a bar chart as tall as its bars need: two reasons do not float in a tall empty box
      element.style.height = Math.min(460, Math.max(150, 70 + rows * 38)) + 'px';
    }
    // SVG: crisp at any zoom, and text a screen reader or a test can find
    var chart = echarts.init(element, null, {renderer: 'svg'});
    option.textStyle = {fontFamily: font};
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
  }

  var grid = {left: 8, right: 40, top: 30, bottom: 8, containLabel: true};
  var axisLabel = {color: colour('--muted')};
  var tooltip = {trigger: 'axis', axisPointer: {type: 'shadow'}};

  // horizontal bars, the largest on top, each with its count at the end
  function bars(id, names, values, seriesName) {
    draw(id, {
      grid: grid, tooltip: tooltip,
      xAxis: {type: 'value', minInterval: 1, axisLabel: axisLabel},
      yAxis: {type: 'category', inverse: true, data: names, axisLabel: {color: colour('--ink'), width: 180, overflow: 'truncate'}},
      series: [{name: seriesName, type: 'bar', data: values, barMaxWidth: 22, itemStyle: {color: colour('--accent')},
        label: {show: true, position: 'right'}}]
    }, names.length);
  }

  bars('chart-reasons', data.reasons.names.map(function (n) { return n || labels.noReason; }),
      data.reasons.returns, labels.returns);
  bars('chart-skus', data.skus.names, data.skus.returns, labels.returns);

  // per forwarder: accepted, rejected and unanswered stacked; the success rate beside the forwarder's name
  var intercepts = data.intercepts;
  var stack = function (key, name, itemColour) {
    return {name: name, type: 'bar', stack: 'asked', data: intercepts[key], barMaxWidth: 22,
      itemStyle: {color: itemColour}, label: {show: true, formatter: function (p) { return p.value || ''; }, color: '#fff'}};
  };
  draw('chart-intercepts', {
    grid: grid, tooltip: tooltip, legend: {top: 0, left: 0},
    xAxis: {type: 'value', minInterval: 1, axisLabel: axisLabel},
    yAxis: {type: 'category', inverse: true, data: intercepts.names, axisLabel: {color: colour('--ink'),
      formatter: function (name, i) {
        var rate = intercepts.rate[i];
        return rate ? name + '\n{rate|' + rate + ' %}' : name;
      },
      rich: {rate: {color: colour('--ok'), fontWeight: 'bold', lineHeight: 18}}}},
    series: [stack('accepted', labels.accepted, colour('--ok')), stack('rejected', labels.rejected, colour('--bad')),
      stack('unanswered', labels.unanswered, '#8c959f')]
  }, intercepts.names.length);

  // one series per currency over every day of the period; currencies are not added up, so the bars stand side by side
  draw('chart-refunds', {
    grid: grid, tooltip: tooltip, legend: {top: 0, left: 0},
    color: [colour('--accent'), colour('--wait'), '#bc4c00', '#1b7c83', '#bf3989', '#6e7781'],
    xAxis: {type: 'category', data: data.refunds.days, axisLabel: axisLabel},
    yAxis: {type: 'value', axisLabel: axisLabel},
    series: data.refunds.series.map(function (s) {
      return {name: s.currency, type: 'bar', barMaxWidth: 28, data: s.amounts.map(Number)};
    })
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
